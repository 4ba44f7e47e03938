package io.parley.sdk.media.ogg;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.sdk.media.FfmpegChecks;
import io.parley.sdk.media.Fixtures;
import io.parley.sdk.media.opus.OpusToc;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class OggOpusFixtureTest {
    @Test
    void readsTheFfmpegFixture() throws Exception {
        List<OggPacket> packets = read(Fixtures.opusOgg());
        OpusHead head = OpusHead.parse(packets.get(0).data());
        assertThat(head.channels()).isEqualTo(2);
        assertThat(head.preSkip()).isEqualTo(312);
        assertThat(OpusTags.parse(packets.get(1).data()).vendor()).startsWith("Lavf");
        List<OggPacket> audio = packets.subList(2, packets.size());
        assertThat(audio).hasSize(Fixtures.OPUS_PACKETS);
        long samples = 0;
        for (OggPacket p : audio) {
            assertThat(OpusToc.samples(p.data(), 0, p.data().length)).isEqualTo(960);
            samples += 960;
            if (p.granule() >= 0) {
                assertThat(p.granule()).isLessThanOrEqualTo(samples); // granules end inside the last packet of their page
            }
        }
        // 5 s of 48 kHz after the pre-skip: the last granule trims the last packet (RFC 7845 §4).
        assertThat(audio.get(audio.size() - 1).granule()).isEqualTo(312 + 240_000);
        assertThat(audio.get(audio.size() - 1).last()).isTrue();
    }

    @Test
    void whatWeWriteFfmpegReadsAndDecodes(@TempDir Path dir) throws Exception {
        List<OggPacket> packets = read(Fixtures.opusOgg());
        Path copy = dir.resolve("copy.opus");
        try (OutputStream out = Files.newOutputStream(copy); OggPacketWriter w = new OggPacketWriter(out, 1234)) {
            long granule = 0;
            for (int i = 0; i < packets.size(); i++) {
                byte[] d = packets.get(i).data();
                if (i >= 2) {
                    granule = Math.min(312 + 240_000, granule + 960 + (i == 2 ? 312 : 0));
                }
                w.writePacket(d, 0, d.length, granule);
                if (i < 2) {
                    w.flushPage(); // RFC 7845 §3: the headers on pages of their own
                }
            }
        }
        List<OggPacket> again = read(copy);
        assertThat(again).hasSize(packets.size());
        for (int i = 0; i < packets.size(); i++) {
            assertThat(again.get(i).data()).isEqualTo(packets.get(i).data());
        }
        assertThat(FfmpegChecks.packets(copy)).isEqualTo(Fixtures.OPUS_PACKETS);
        FfmpegChecks.decodes(copy);
    }

    static List<OggPacket> read(Path file) throws IOException {
        List<OggPacket> packets = new ArrayList<>();
        try (OggPacketReader r = new OggPacketReader(Files.newInputStream(file))) {
            for (OggPacket p; (p = r.next()) != null; ) {
                packets.add(p);
            }
        }
        return packets;
    }
}
