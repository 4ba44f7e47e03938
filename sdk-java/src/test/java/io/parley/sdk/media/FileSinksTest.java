package io.parley.sdk.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.sdk.media.ivf.IvfFrame;
import io.parley.sdk.media.ivf.IvfReader;
import io.parley.sdk.media.ogg.OggPacket;
import io.parley.sdk.media.ogg.OggPacketReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Fixture frames through our packetizer into our file sinks, and ffmpeg reading what they wrote. */
@Timeout(120)
class FileSinksTest {
    @TempDir
    Path dir;

    private static List<IvfFrame> vp8Frames() throws IOException {
        List<IvfFrame> frames = new ArrayList<>();
        try (IvfReader r = new IvfReader(Files.newInputStream(Fixtures.vp8Ivf()))) {
            for (IvfFrame f; (f = r.next()) != null; ) {
                frames.add(f);
            }
        }
        return frames;
    }

    /** The RTP packets of every fixture frame, 3000 ticks (1/30 s) apart, in frames. */
    private static List<List<byte[]>> vp8Packets() throws IOException {
        RtpPacketizer p = new RtpPacketizer(MediaKind.VIDEO, 0x1234, 96, 1200);
        List<List<byte[]>> all = new ArrayList<>();
        long ts = 0xFFFF_0000L; // wraps the 32-bit timestamp early on
        for (IvfFrame f : vp8Frames()) {
            List<byte[]> packets = new ArrayList<>();
            p.packetize(f.data(), 0, f.data().length, ts, f.isVp8Keyframe(),
                    (b, off, len) -> packets.add(Arrays.copyOfRange(b, off, off + len)));
            all.add(packets);
            ts = (ts + 3000) & 0xFFFF_FFFFL;
        }
        return all;
    }

    @Test
    void ivfSinkRecordsEveryFrameAndFfmpegDecodesIt() throws Exception {
        Path file = dir.resolve("out.ivf");
        IvfFileSink sink = new IvfFileSink(file);
        for (List<byte[]> frame : vp8Packets()) {
            for (byte[] packet : frame) {
                sink.onRtp(MediaKind.VIDEO, packet, 0, packet.length, System.nanoTime());
            }
        }
        sink.onRtp(MediaKind.AUDIO, new byte[20], 0, 20, 0); // not video: ignored
        sink.close();

        assertThat(sink.framesWritten()).isEqualTo(Fixtures.VP8_FRAMES);
        assertThat(FfmpegChecks.packets(file)).isEqualTo(Fixtures.VP8_FRAMES);
        FfmpegChecks.decodes(file);
        String size = Fixtures.run("ffprobe", "-v", "error", "-show_entries", "stream=width,height,r_frame_rate",
                "-of", "csv=p=0", file.toString()).trim();
        assertThat(size).isEqualTo("640,360,30/1");
        List<IvfFrame> written = new ArrayList<>();
        try (IvfReader r = new IvfReader(Files.newInputStream(file))) {
            assertThat(r.header().frameCount()).isEqualTo(Fixtures.VP8_FRAMES);
            for (IvfFrame f; (f = r.next()) != null; ) {
                written.add(f);
            }
        }
        assertThat(written.get(149).pts()).isEqualTo(149 * 3000L); // across the timestamp wrap
    }

    @Test
    void framesSentAMomentApartKeepRisingTimestampsAndAllDecode() throws Exception {
        // A loaded camera sends frames in bursts: some 1 tick (1/90000 s) apart, some with the same
        // RTP timestamp. The file still needs rising timestamps, and every frame must decode.
        Path file = dir.resolve("bursty.ivf");
        IvfFileSink sink = new IvfFileSink(file);
        RtpPacketizer p = new RtpPacketizer(MediaKind.VIDEO, 0x1234, 96, 1200);
        long ts = 0;
        int i = 0;
        for (IvfFrame f : vp8Frames()) {
            ts += i % 10 == 5 ? 1 : i % 10 == 7 ? 0 : 3000;
            i++;
            p.packetize(f.data(), 0, f.data().length, ts, f.isVp8Keyframe(),
                    (b, off, len) -> sink.onRtp(MediaKind.VIDEO, b, off, len, System.nanoTime()));
        }
        sink.close();

        List<Long> pts = new ArrayList<>();
        try (IvfReader r = new IvfReader(Files.newInputStream(file))) {
            for (IvfFrame f; (f = r.next()) != null; ) {
                pts.add(f.pts());
            }
        }
        assertThat(pts).hasSize(Fixtures.VP8_FRAMES).isSorted().doesNotHaveDuplicates();
        FfmpegChecks.decodes(file);
        String decoded = Fixtures.run("ffprobe", "-v", "error", "-count_frames", "-select_streams", "0",
                "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file.toString()).trim();
        assertThat(decoded).isEqualTo(Integer.toString(Fixtures.VP8_FRAMES));
    }

    @Test
    void aLostPacketCostsFramesUntilTheNextKeyframeAndTheFileStillDecodes() throws Exception {
        Path file = dir.resolve("lossy.ivf");
        IvfFileSink sink = new IvfFileSink(file);
        List<List<byte[]>> frames = vp8Packets();
        frames.get(40).remove(0); // frame 40 (not a key frame) loses its first packet
        for (List<byte[]> frame : frames) {
            for (byte[] packet : frame) {
                sink.onRtp(MediaKind.VIDEO, packet, 0, packet.length, System.nanoTime());
            }
        }
        sink.close();
        // Frames 40-59 are gone: 40 is broken, the rest refer to it; 60 is the next key frame.
        assertThat(sink.framesWritten()).isEqualTo(Fixtures.VP8_FRAMES - 20);
        assertThat(FfmpegChecks.packets(file)).isEqualTo(Fixtures.VP8_FRAMES - 20);
        FfmpegChecks.decodes(file);
    }

    @Test
    void lostAudioStaysAGapInTimeAndTheFileStillDecodes() throws Exception {
        Path file = dir.resolve("lossy.opus");
        OggOpusFileSink sink = new OggOpusFileSink(file);
        RtpPacketizer p = new RtpPacketizer(MediaKind.AUDIO, 77, 111, 1200);
        List<byte[]> audio = opusPackets();
        for (int i = 0; i < audio.size(); i++) {
            byte[] a = audio.get(i);
            PacketOutput out = i % 10 == 3 ? (b, off, len) -> { } : (b, off, len) -> sink.onRtp(MediaKind.AUDIO, b, off, len, 0);
            p.packetize(a, 0, a.length, 960L * i, false, out);
        }
        sink.close();
        assertThat(sink.packetsWritten()).isEqualTo(Fixtures.OPUS_PACKETS - 25);
        assertThat(FfmpegChecks.packets(file)).isEqualTo(Fixtures.OPUS_PACKETS - 25);
        FfmpegChecks.decodes(file);
        String duration = Fixtures.run("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                file.toString()).trim();
        assertThat(Double.parseDouble(duration)).isBetween(5.0, 5.03); // the gaps keep their time
    }

    private static List<byte[]> opusPackets() throws IOException {
        List<byte[]> audio = new ArrayList<>();
        try (OggPacketReader r = new OggPacketReader(Files.newInputStream(Fixtures.opusOgg()))) {
            r.next();
            r.next();
            for (OggPacket packet; (packet = r.next()) != null; ) {
                audio.add(packet.data());
            }
        }
        return audio;
    }

    @Test
    void oggSinkRecordsEveryPacketAndFfmpegDecodesIt() throws Exception {
        Path file = dir.resolve("out.opus");
        OggOpusFileSink ogg = new OggOpusFileSink(file);
        CountingSink counter = new CountingSink();
        MediaSink sink = MediaSinks.split(ogg, counter);
        RtpPacketizer p = new RtpPacketizer(MediaKind.AUDIO, 77, 111, 1200);
        List<byte[]> audio = opusPackets();
        long ts = 0xFFFF_FF00L;
        for (byte[] a : audio) {
            p.packetize(a, 0, a.length, ts, false, (b, off, len) -> sink.onRtp(MediaKind.AUDIO, b, off, len, 0));
            ts = (ts + 960) & 0xFFFF_FFFFL;
        }
        p.packetize(audio.get(3), 0, audio.get(3).length, 960, false,
                (b, off, len) -> sink.onRtp(MediaKind.AUDIO, b, off, len, 0)); // late: older than the last
        sink.close();

        assertThat(ogg.packetsWritten()).isEqualTo(Fixtures.OPUS_PACKETS);
        assertThat(ogg.packetsDropped()).isEqualTo(1);
        assertThat(counter.snapshot().packets()).isZero(); // the split sent no audio to the video side
        assertThat(FfmpegChecks.packets(file)).isEqualTo(Fixtures.OPUS_PACKETS);
        FfmpegChecks.decodes(file);
        String duration = Fixtures.run("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                file.toString()).trim();
        assertThat(Double.parseDouble(duration)).isBetween(5.0, 5.03);
    }
}
