package io.parley.bench.floor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Finds the floor relay's sources ({@code bench/floor}) and builds the binary with
 * {@code bench/floor/build.sh} into {@code bench/target/floor/relay}. The script rebuilds only when
 * the sources changed, and installs libssl-dev when the OpenSSL headers are missing.
 */
public final class FloorBuild {
    /** Overrides where the sources are: a directory holding {@code build.sh} and {@code relay.c}. */
    public static final String SOURCE_PROPERTY = "parley.floor.dir";
    private static final long BUILD_TIMEOUT_SECONDS = 600; // apt-get on a fresh machine

    private FloorBuild() {
    }

    /** The built relay, built now if needed. */
    public static synchronized Path relayBinary() {
        Path sources = sourceDirectory();
        Path out = sources.getParent().resolve("target").resolve("floor");
        ProcessBuilder pb = new ProcessBuilder("bash", sources.resolve("build.sh").toString(), out.toString())
                .redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] output = p.getInputStream().readAllBytes(); // ends when the script ends
            if (!p.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("bench/floor/build.sh did not finish in " + BUILD_TIMEOUT_SECONDS + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                throw new IllegalStateException("bench/floor/build.sh failed (exit " + p.exitValue() + "): " + text);
            }
            Path binary = out.resolve("relay");
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException("bench/floor/build.sh made no executable " + binary + ": " + text);
            }
            return binary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run bench/floor/build.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the floor relay", e);
        }
    }

    /**
     * {@code bench/floor}: from the system property, else up from where this class was loaded
     * ({@code bench/target/classes} or {@code bench/target/benchmarks.jar}), else up from the
     * working directory.
     */
    static Path sourceDirectory() {
        String configured = System.getProperty(SOURCE_PROPERTY);
        if (configured != null) {
            Path dir = Path.of(configured).toAbsolutePath();
            if (!Files.isRegularFile(dir.resolve("build.sh"))) {
                throw new IllegalStateException(SOURCE_PROPERTY + "=" + configured + " holds no build.sh");
            }
            return dir;
        }
        Path found = searchUp(classLocation());
        if (found == null) {
            found = searchUp(Path.of("").toAbsolutePath());
        }
        if (found == null) {
            throw new IllegalStateException("cannot find bench/floor/build.sh above " + classLocation() + " or the working"
                    + " directory; set -D" + SOURCE_PROPERTY + "=/path/to/bench/floor");
        }
        return found;
    }

    private static Path searchUp(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            for (Path candidate : new Path[] {p.resolve("floor"), p.resolve("bench").resolve("floor")}) {
                if (Files.isRegularFile(candidate.resolve("build.sh")) && Files.isRegularFile(candidate.resolve("relay.c"))) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static Path classLocation() {
        try {
            return Path.of(FloorBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
