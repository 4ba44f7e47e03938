package io.parley.sdk.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's ffprobe and ffmpeg as independent judges of the files the Java SDK writes. */
final class Ffmpeg {
    private Ffmpeg() {
    }

    /** What ffprobe says of a file's first stream: its codec and how many packets (IVF: frames; Ogg: Opus packets) it holds. */
    record Probe(String codec, long packets) {
    }

    static Probe probe(Path file) throws IOException, InterruptedException {
        Result r = run("ffprobe", "-v", "error", "-select_streams", "0", "-count_packets",
                "-show_entries", "stream=codec_name,nb_read_packets", "-of", "csv=p=0", file.toString());
        if (r.exit != 0) {
            throw new AssertionError("ffprobe " + file + " failed (" + r.exit + "): " + r.output);
        }
        String[] fields = r.output.strip().split(",");
        if (fields.length < 2) {
            throw new AssertionError("ffprobe " + file + " said: " + r.output);
        }
        return new Probe(fields[0], Long.parseLong(fields[1].strip()));
    }

    /** What ffmpeg prints while decoding every frame ({@link io.parley.sdk.media.FfmpegChecks#decodeCommand}): empty when all decode. */
    static String decodeErrors(Path file) throws IOException, InterruptedException {
        Result r = run(io.parley.sdk.media.FfmpegChecks.decodeCommand(file));
        return r.exit == 0 ? r.output.strip() : "exit " + r.exit + ": " + r.output.strip();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 60 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
