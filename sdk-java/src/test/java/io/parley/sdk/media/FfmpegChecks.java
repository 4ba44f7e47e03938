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
        String out = Fixtures.run(decodeCommand(file));
        assertThat(out).as("ffmpeg's errors decoding " + file).isBlank();
    }

    /**
     * ffmpeg decoding every frame of {@code file} into nothing, printing errors only. The frames keep
     * the file's own time base ({@code -enc_time_base -1}): in the default 1/frame-rate one, two frames
     * a camera sent a few ms apart share a timestamp and ffmpeg's null muxer calls that an error.
     */
    public static String[] decodeCommand(Path file) {
        return new String[] {"ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-enc_time_base", "-1", "-f", "null", "-"};
    }
}
