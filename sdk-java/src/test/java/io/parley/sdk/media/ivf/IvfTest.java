package io.parley.sdk.media.ivf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.sdk.media.Fixtures;
import io.parley.sdk.media.FfmpegChecks;
import io.parley.sdk.media.MediaFormatException;
import io.parley.testkit.Hex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class IvfTest {
    static final byte[] HEADER = Hex.parse("""
            44 4b 49 46     # "DKIF"
            00 00           # version 0
            20 00           # header length 32
            56 50 38 30     # FourCC "VP80"
            80 02 68 01     # 640x360
            1e 00 00 00     # rate 30
            01 00 00 00     # scale 1: timestamps count 1/30 s
            96 00 00 00     # 150 frames
            00 00 00 00     # unused
            """);

    @Test
    void headerVector() throws Exception {
        IvfHeader h = IvfHeader.parse(HEADER, 0, HEADER.length);
        assertThat(h).isEqualTo(new IvfHeader("VP80", 640, 360, 30, 1, 150));
        assertThat(h.toBytes()).isEqualTo(HEADER);
        assertThat(h.toClock(30, 90_000)).isEqualTo(90_000);
    }

    @Test
    void readsTheFfmpegFixture() throws Exception {
        List<IvfFrame> frames = read(Fixtures.vp8Ivf());
        assertThat(frames).hasSize(Fixtures.VP8_FRAMES);
        assertThat(frames.stream().filter(IvfFrame::isVp8Keyframe).count()).isEqualTo(Fixtures.VP8_KEYFRAMES);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(frames.get(i).pts()).isEqualTo(i);
            assertThat(frames.get(i).isVp8Keyframe()).isEqualTo(i % 30 == 0);
        }
    }

    @Test
    void whatWeWriteFfmpegReadsAndDecodes(@TempDir Path dir) throws Exception {
        List<IvfFrame> frames = read(Fixtures.vp8Ivf());
        IvfHeader header;
        try (InputStream in = Files.newInputStream(Fixtures.vp8Ivf())) {
            header = new IvfReader(in).header();
        }
        Path copy = dir.resolve("copy.ivf");
        try (OutputStream out = Files.newOutputStream(copy); IvfWriter w = new IvfWriter(out, header)) {
            for (IvfFrame f : frames) {
                w.writeFrame(f.data(), 0, f.data().length, f.pts());
            }
        }
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(Fixtures.vp8Ivf()));
        assertThat(FfmpegChecks.packets(copy)).isEqualTo(Fixtures.VP8_FRAMES);
        FfmpegChecks.decodes(copy);
    }

    @Test
    void malformedFilesAreRefusedWithTheirCode() {
        assertCode(Arrays.copyOf(HEADER, 31), "ivf.truncated");
        byte[] signature = HEADER.clone();
        signature[0] = 'd';
        assertCode(signature, "ivf.signature");
        byte[] version = HEADER.clone();
        version[4] = 1;
        assertCode(version, "ivf.version");
        byte[] length = HEADER.clone();
        length[6] = 0x40;
        assertCode(length, "ivf.header-length");
        byte[] rate = HEADER.clone();
        rate[16] = 0;
        assertCode(rate, "ivf.timebase");

        byte[] cutFrame = Arrays.copyOf(HEADER, 32 + 12 + 3);
        cutFrame[32] = 10; // a 10-byte frame with 3 bytes present
        assertThatThrownBy(() -> new IvfReader(new ByteArrayInputStream(cutFrame)).next())
                .isInstanceOfSatisfying(MediaFormatException.class, e -> assertThat(e.code()).isEqualTo("ivf.truncated"));
        byte[] huge = Arrays.copyOf(HEADER, 32 + 12);
        huge[35] = 0x7f; // 2 GB
        assertThatThrownBy(() -> new IvfReader(new ByteArrayInputStream(huge)).next())
                .isInstanceOfSatisfying(MediaFormatException.class, e -> assertThat(e.code()).isEqualTo("ivf.frame-size"));
    }

    private static void assertCode(byte[] b, String code) {
        assertThatThrownBy(() -> new IvfReader(new ByteArrayInputStream(b)))
                .isInstanceOfSatisfying(MediaFormatException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    static List<IvfFrame> read(Path file) throws IOException {
        List<IvfFrame> frames = new ArrayList<>();
        try (IvfReader r = new IvfReader(Files.newInputStream(file))) {
            for (IvfFrame f; (f = r.next()) != null; ) {
                frames.add(f);
            }
        }
        return frames;
    }
}
