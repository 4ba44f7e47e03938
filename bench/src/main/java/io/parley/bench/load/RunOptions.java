package io.parley.bench.load;

import io.parley.bench.load.run.RunTiming;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** How long a media run lasts, how fast it sets up, and where its JSON goes. */
public final class RunOptions {
    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "30",
            description = "Load before the measured window (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "15",
            description = "The measured window (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--in-flight", paramLabel = "N", defaultValue = "8",
            description = "Logins, publishes or plays outstanding at once while setting up (default: ${DEFAULT-VALUE}).")
    int inFlight;

    @Option(names = "--call-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "The longest one login, publish or play may take (default: ${DEFAULT-VALUE}).")
    int callTimeoutSeconds;

    @Option(names = "--compare", paramLabel = "floor|janus", split = ",",
            description = "Run the same load, right after Parley's, on the C floor relay (bench/floor) and/or on Janus's "
                    + "VideoRoom (bench/janus: a network namespace of its own, root needed) and report Parley / floor and "
                    + "Parley / Janus ratios.")
    Set<Compare> compare = EnumSet.noneOf(Compare.class);

    /** What else a run measures beside Parley. */
    enum Compare { floor, janus }

    @Option(names = "--out", paramLabel = "FILE",
            description = "The JSON report (default: bench/target/results/SCENARIO-TIMESTAMP.json).")
    Path out;

    RunTiming timing() {
        return new RunTiming(Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(durationSeconds),
                Duration.ofSeconds(callTimeoutSeconds), inFlight);
    }

    Duration callTimeout() {
        return Duration.ofSeconds(callTimeoutSeconds);
    }

    /** {@code --out}, or the default name for {@code scenario} started at {@code startedAt}. */
    Path out(String scenario, ZonedDateTime startedAt) {
        if (out != null) {
            return out;
        }
        String stamp = startedAt.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("bench/target/results", scenario + "-" + stamp + ".json");
    }
}
