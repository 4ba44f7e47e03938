package io.parley.sdk.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The Java SDK's media fixtures, made once per build by {@code sdk-java/scripts/make-fixtures.sh}
 * (Debian's ffmpeg) under {@code sdk-java/target/fixtures}: a 5-second VP8 IVF (640x360, 30 fps,
 * 150 frames, a key frame every 30) and a 5-second Ogg/Opus 440 Hz stereo sine (20 ms frames, 251
 * packets). Any sdk-java test may use them.
 */
public final class Fixtures {
    /** Frames in {@link #vp8Ivf()}. */
    public static final int VP8_FRAMES = 150;
    /** Key frames in {@link #vp8Ivf()}. */
    public static final int VP8_KEYFRAMES = 5;
    /** Audio packets in {@link #opusOgg()} (250 full frames, the last trimmed by its granule). */
    public static final int OPUS_PACKETS = 251;

    private static Path made;

    private Fixtures() {
    }

    /** The VP8 IVF fixture. */
    public static Path vp8Ivf() {
        return dir().resolve("vp8.ivf");
    }

    /** The Ogg/Opus fixture. */
    public static Path opusOgg() {
        return dir().resolve("opus.ogg");
    }

    private static synchronized Path dir() {
        if (made != null) {
            return made;
        }
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path out = module.resolve("target/fixtures");
        if (!Files.isRegularFile(out.resolve("vp8.ivf")) || !Files.isRegularFile(out.resolve("opus.ogg"))) {
            run(module.resolve("scripts/make-fixtures.sh").toString(), out.toString());
        }
        made = out;
        return out;
    }

    /** Runs a command with a time limit; its output goes to this test's output, its failure fails the test. */
    static String run(String... command) {
        Output out = execute(command);
        if (out.exit() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + out.exit() + ":\n" + out.text());
        }
        return out.text();
    }

    /** A finished command's exit code and its output, standard error included. */
    public record Output(int exit, String text) {
    }

    /**
     * Runs a command for at most 120 s. Its output goes to a file, not a pipe read before the wait,
     * so a command that hangs fails the test at the limit instead of blocking the read forever.
     */
    public static Output execute(String... command) {
        Path log = null;
        try {
            log = Files.createTempFile("parley-cmd", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after 120 s: " + String.join(" ", command));
            }
            return new Output(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a temp file left behind harms nothing
                }
            }
        }
    }
}
