package io.parley.sdk.media.ogg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.sdk.media.MediaFormatException;
import io.parley.testkit.Hex;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OggPageTest {
    /** The first page of an Ogg Opus file written by ffmpeg 5.1 (libogg's CRC). */
    static final byte[] OPUS_HEAD_PAGE = Hex.parse("""
            4f 67 67 53                 # capture pattern "OggS"
            00                          # stream structure version 0
            02                          # header type: beginning of stream
            00 00 00 00 00 00 00 00     # granule position 0
            8b db 50 4d                 # serial number 0x4d50db8b
            00 00 00 00                 # page sequence number 0
            26 d3 ea 8e                 # CRC 0x8eead326
            01                          # one segment
            13                          # of 19 bytes
            4f 70 75 73 48 65 61 64     # "OpusHead"
            01 02 38 01                 # version 1, 2 channels, pre-skip 312
            80 bb 00 00                 # input sample rate 48000
            00 00 00                    # output gain 0, mapping family 0
            """);

    @Test
    void readsALiboggPageAndWritesItBackByteForByte() throws Exception {
        OggPage page = OggPage.parse(OPUS_HEAD_PAGE, 0, OPUS_HEAD_PAGE.length);
        assertThat(page.flags()).isEqualTo(OggPage.BEGINNING_OF_STREAM);
        assertThat(page.granule()).isZero();
        assertThat(page.serial()).isEqualTo(0x4d50db8bL);
        assertThat(page.sequence()).isZero();
        assertThat(page.lacing()).containsExactly(19);
        assertThat(page.toBytes()).isEqualTo(OPUS_HEAD_PAGE);

        OpusHead head = OpusHead.parse(page.body());
        assertThat(head).isEqualTo(new OpusHead(2, 312, 48_000, 0, 0, 1, 1, new byte[0]));
        assertThat(head.toBytes()).isEqualTo(page.body());
        assertThat(OpusHead.of(2)).isEqualTo(head);
    }

    @Test
    void aFlippedBitFailsTheCrc() {
        byte[] bad = OPUS_HEAD_PAGE.clone();
        bad[40] ^= 0x01;
        assertThatThrownBy(() -> OggPage.parse(bad, 0, bad.length))
                .isInstanceOfSatisfying(MediaFormatException.class, e -> assertThat(e.code()).isEqualTo("ogg.crc"));
    }

    @Test
    void malformedPagesAreRefusedWithTheirCode() {
        assertCode(Arrays.copyOf(OPUS_HEAD_PAGE, 26), "ogg.truncated");
        assertCode(Arrays.copyOf(OPUS_HEAD_PAGE, 27), "ogg.truncated"); // the segment table is missing
        assertCode(Arrays.copyOf(OPUS_HEAD_PAGE, 40), "ogg.truncated"); // the body is cut off
        byte[] capture = OPUS_HEAD_PAGE.clone();
        capture[0] = 'o';
        assertCode(capture, "ogg.capture");
        byte[] version = OPUS_HEAD_PAGE.clone();
        version[4] = 1;
        assertCode(version, "ogg.version");
        byte[] flags = OPUS_HEAD_PAGE.clone();
        flags[5] = 0x08;
        assertCode(flags, "ogg.flags");
    }

    @Test
    void aStreamThatEndsInsideAPageIsTruncated() {
        byte[] cut = Arrays.copyOf(OPUS_HEAD_PAGE, 35);
        assertThatThrownBy(() -> OggPage.read(new ByteArrayInputStream(cut)))
                .isInstanceOfSatisfying(MediaFormatException.class,
                        e -> assertThat(e.code()).isEqualTo("ogg.truncated"));
    }

    private static void assertCode(byte[] b, String code) {
        assertThatThrownBy(() -> OggPage.parse(b, 0, b.length))
                .isInstanceOfSatisfying(MediaFormatException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
