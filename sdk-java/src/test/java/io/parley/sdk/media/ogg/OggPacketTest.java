package io.parley.sdk.media.ogg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.sdk.media.MediaFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OggPacketTest {
    @Test
    void packetsOfAnyLengthRoundTripAcrossPages() throws Exception {
        int[] lengths = {0, 1, 254, 255, 256, 510, 70_000, 3, 255 * 255, 17};
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (OggPacketWriter w = new OggPacketWriter(file, 42)) {
            for (int i = 0; i < lengths.length; i++) {
                w.writePacket(packet(i, lengths[i]), 0, lengths[i], 1000L * (i + 1));
                if (i == 0) {
                    w.flushPage();
                }
            }
        }
        List<OggPacket> read = new ArrayList<>();
        try (OggPacketReader r = new OggPacketReader(new ByteArrayInputStream(file.toByteArray()))) {
            for (OggPacket p; (p = r.next()) != null; ) {
                read.add(p);
            }
        }
        assertThat(read).hasSize(lengths.length);
        for (int i = 0; i < lengths.length; i++) {
            assertThat(read.get(i).data()).isEqualTo(packet(i, lengths[i]));
        }
        assertThat(read.get(0).granule()).isEqualTo(1000);
        assertThat(read.get(lengths.length - 1).granule()).isEqualTo(1000L * lengths.length);
        assertThat(read.get(lengths.length - 1).last()).isTrue();
    }

    @Test
    void aMissingPageIsAnError() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (OggPacketWriter w = new OggPacketWriter(file, 7)) {
            for (int i = 0; i < 3; i++) {
                w.writePacket(packet(i, 10), 0, 10, i);
                w.flushPage();
            }
        }
        byte[] b = file.toByteArray();
        int second = OggPage.parse(b, 0, b.length).length();
        int third = second + OggPage.parse(b, second, b.length - second).length();
        byte[] withoutSecond = new byte[b.length - (third - second)];
        System.arraycopy(b, 0, withoutSecond, 0, second);
        System.arraycopy(b, third, withoutSecond, second, b.length - third);

        OggPacketReader r = new OggPacketReader(new ByteArrayInputStream(withoutSecond));
        r.next();
        assertThatThrownBy(r::next).isInstanceOfSatisfying(MediaFormatException.class,
                e -> assertThat(e.code()).isEqualTo("ogg.sequence"));
    }

    @Test
    void aFileThatIsNotOggIsRefused() {
        assertThatThrownBy(() -> new OggPacketReader(new ByteArrayInputStream(new byte[0])).next())
                .isInstanceOfSatisfying(MediaFormatException.class, e -> assertThat(e.code()).isEqualTo("ogg.empty"));
        assertThatThrownBy(() -> new OggPacketReader(new ByteArrayInputStream(new byte[64])).next())
                .isInstanceOfSatisfying(MediaFormatException.class,
                        e -> assertThat(e.code()).isEqualTo("ogg.capture"));
    }

    @Test
    void opusTagsRoundTripAndRefuseLengthsPastTheEnd() throws Exception {
        OpusTags tags = new OpusTags("parley", List.of("ENCODER=concentus", "TITLE=tön"));
        byte[] b = tags.toBytes();
        assertThat(OpusTags.parse(b)).isEqualTo(tags);
        byte[] bad = b.clone();
        bad[8] = (byte) 0xF0; // vendor length 240
        assertThatThrownBy(() -> OpusTags.parse(bad)).isInstanceOfSatisfying(MediaFormatException.class,
                e -> assertThat(e.code()).isEqualTo("opus.tags.truncated"));
        assertThatThrownBy(() -> OpusTags.parse(Arrays.copyOf(b, 10))).isInstanceOf(MediaFormatException.class);
    }

    @Test
    void opusHeadRefusesWhatItCannotPlay() {
        byte[] head = OpusHead.of(2).toBytes();
        byte[] family = head.clone();
        family[18] = 2;
        assertThatThrownBy(() -> OpusHead.parse(family)).isInstanceOfSatisfying(MediaFormatException.class,
                e -> assertThat(e.code()).isEqualTo("opus.head.family"));
        byte[] three = head.clone();
        three[9] = 3;
        assertThatThrownBy(() -> OpusHead.parse(three)).isInstanceOfSatisfying(MediaFormatException.class,
                e -> assertThat(e.code()).isEqualTo("opus.head.channels"));
        byte[] version = head.clone();
        version[8] = 0x10;
        assertThatThrownBy(() -> OpusHead.parse(version)).isInstanceOfSatisfying(MediaFormatException.class,
                e -> assertThat(e.code()).isEqualTo("opus.head.version"));
        assertThatThrownBy(() -> OpusHead.parse(Arrays.copyOf(head, 18))).isInstanceOf(MediaFormatException.class);
    }

    private static byte[] packet(int index, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (index * 31 + i);
        }
        return b;
    }
}
