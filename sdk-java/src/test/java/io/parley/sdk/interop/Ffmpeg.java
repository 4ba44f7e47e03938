package io.parley.sdk.interop;

import io.parley.sdk.media.Fixtures;
import java.io.IOException;
import java.nio.file.Path;

/** Debian's ffprobe and ffmpeg as independent judges of the files the Java SDK writes. */
final class Ffmpeg {
    private Ffmpeg() {
    }

    /** What ffprobe says of a file's first stream: its codec and how many packets (IVF: frames; Ogg: Opus packets) it holds. */
    record Probe(String codec, long packets) {
    }

    static Probe probe(Path file) throws IOException, InterruptedException {
        Fixtures.Output r = Fixtures.execute("ffprobe", "-v", "error", "-select_streams", "0", "-count_packets",
                "-show_entries", "stream=codec_name,nb_read_packets", "-of", "csv=p=0", file.toString());
        if (r.exit() != 0) {
            throw new AssertionError("ffprobe " + file + " failed (" + r.exit() + "): " + r.text());
        }
        String[] fields = r.text().strip().split(",");
        if (fields.length < 2) {
            throw new AssertionError("ffprobe " + file + " said: " + r.text());
        }
        return new Probe(fields[0], Long.parseLong(fields[1].strip()));
    }

    /** What ffmpeg prints while decoding every frame ({@link io.parley.sdk.media.FfmpegChecks#decodeCommand}): empty when all decode. */
    static String decodeErrors(Path file) throws IOException, InterruptedException {
        Fixtures.Output r = Fixtures.execute(io.parley.sdk.media.FfmpegChecks.decodeCommand(file));
        return r.exit() == 0 ? r.text().strip() : "exit " + r.exit() + ": " + r.text().strip();
    }
}
