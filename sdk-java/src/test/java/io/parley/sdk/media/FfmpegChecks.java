package io.parley.sdk.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** What Debian's ffprobe and ffmpeg make of a file we wrote: the independent reader of our containers. */
public final class FfmpegChecks {
    private FfmpegChecks() {
    }

    /** The packets (frames) ffprobe counts in the file's first stream. */
    public static int packets(Path file) {
        String out = Fixtures.run("ffprobe", "-v", "error", "-count_packets", "-select_streams", "0",
                "-show_entries", "stream=nb_read_packets", "-of", "csv=p=0", file.toString());
        return Integer.parseInt(out.trim());
    }

    /** Fails unless ffmpeg decodes the whole file without one error. */
    public static void decodes(Path file) {
        String out = Fixtures.run("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-f", "null", "-");
        assertThat(out).as("ffmpeg's errors decoding " + file).isBlank();
    }
}
