package io.parley.bench.load;

import io.parley.bench.load.media.SourceShape;
import io.parley.bench.load.report.Point;
import io.parley.bench.load.report.ReportJson;
import io.parley.bench.load.run.Plan;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code broadcast}: one publisher, N players of its stream; a list of N sweeps, one point each. */
@Command(name = "broadcast", mixinStandardHelpOptions = true, sortOptions = false,
        description = "One publisher (synthetic VP8-shaped video, about 1.5 Mbit/s, and Opus-shaped audio) to N players, "
                + "all Java SDK engines. Measures the server's CPU per forwarded packet, packets and bits per second, "
                + "one-way delay, loss, join time, memory per session and per play, and GC, over a measured window. "
                + "--players 10,25,50,100 sweeps: one server, run and point per value, in one JSON (for `plot`).")
final class BroadcastCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--players", paramLabel = "N", split = ",", defaultValue = "10",
            description = "Players of the one stream; a comma-separated list sweeps (default: ${DEFAULT-VALUE}).")
    List<Integer> players;

    @Mixin
    SourceOptions source;

    @Mixin
    TargetOptions target;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        target.validate();
        if (players.stream().anyMatch(n -> n < 1)) {
            throw new ParameterException(spec.commandLine(), "--players must all be at least 1, got " + players);
        }
        SourceShape shape = source.shape(1_500_000, 180);
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
        List<Point> points = new ArrayList<>();
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        String load = "1 publisher, " + shape.describe() + ", to " + players + " players";
        try (ProgressLine progress = new ProgressLine(System.err)) {
            for (int n : players) {
                points.add(Scenarios.mediaPoint(target, run, Plan.broadcast(n), shape, n, progress));
                // Each point is on disk as soon as it is measured: a later failure of a long sweep loses only itself.
                ReportJson.write(Scenarios.report("broadcast", started, args, load, points), run.out("broadcast", started));
            }
        }
        Scenarios.finish(Scenarios.report("broadcast", started, args, load, points), started, run, System.out, System.err);
        return 0;
    }
}
