package io.parley.bench.load;

import io.parley.bench.floor.FloorLoad;
import io.parley.bench.janus.JanusException;
import io.parley.bench.load.compare.FloorBaseline;
import io.parley.bench.load.media.SourceShape;
import io.parley.bench.load.media.SyntheticKit;
import io.parley.bench.load.report.LoadReport;
import io.parley.bench.load.report.Measurement;
import io.parley.bench.load.report.Point;
import io.parley.bench.load.report.ReportJson;
import io.parley.bench.load.report.ReportTable;
import io.parley.bench.load.run.MediaRun;
import io.parley.bench.load.run.Plan;
import io.parley.bench.load.targets.JanusTarget;
import io.parley.bench.load.targets.ParleyTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the scenario commands share: measuring one load size on Parley, and ending a run with its table and JSON. */
final class Scenarios {
    private Scenarios() {
    }

    /**
     * One media load on Parley (a server of its own unless a running one was named), then, when
     * asked, the same load on the C floor and on Janus, one after the other so they do not share the cores.
     */
    static Point mediaPoint(TargetOptions target, RunOptions run, Plan plan, SourceShape shape, int players,
                            ProgressLine progress) throws IOException, InterruptedException {
        progress.show("parley: starting the server");
        Measurement parley;
        try (ParleyTarget t = target.open()) {
            parley = new MediaRun(t, plan, new SyntheticKit(), shape, run.timing(), progress).run(players);
        }
        Measurement floor = null;
        if (run.compare.contains(RunOptions.Compare.floor)) {
            // The floor warms up for 2 s of its own run, then measures a window as long as Parley's.
            FloorLoad load = FloorBaseline.load(shape, plan.publishers(), players, run.timing().window().plusSeconds(2));
            progress.show("floor: " + load.players() + " players, " + load.packetsPerSecond() + " packets/s of "
                    + load.payloadBytes() + " bytes");
            try {
                floor = FloorBaseline.run(load, players);
            } catch (RuntimeException e) {
                comparisonFailed("floor", e);
            }
        }
        Measurement janus = null;
        if (run.compare.contains(RunOptions.Compare.janus)) {
            progress.show("janus: starting its test host");
            janus = janus(plan, shape, players, run, progress);
        }
        return new Point(players, parley, floor, janus);
    }

    /**
     * The same plan on Janus. A comparison that fails leaves Parley's figures standing: the failure
     * is reported on stderr and the point has no Janus column. A failure to take Janus's test host
     * down after a measurement keeps the measurement.
     */
    private static Measurement janus(Plan plan, SourceShape shape, int players, RunOptions run, ProgressLine progress)
            throws InterruptedException {
        JanusTarget t;
        try {
            t = JanusTarget.start();
        } catch (JanusException | RuntimeException e) {
            comparisonFailed("janus", e);
            return null;
        }
        Measurement m = null;
        try {
            m = new MediaRun(t, plan, new SyntheticKit(), shape, run.timing(), progress).run(players);
        } catch (IOException | RuntimeException e) {
            comparisonFailed("janus", e);
        } finally {
            try {
                t.close();
            } catch (RuntimeException e) {
                comparisonFailed("janus (teardown)", e);
            }
        }
        return m;
    }

    private static void comparisonFailed(String what, Exception e) {
        System.err.println("[bench] --compare " + what + " failed, left out of this point: " + e.getMessage());
    }

    /** The run's report with the points measured so far. */
    static LoadReport report(String scenario, ZonedDateTime startedAt, List<String> args, String load, List<Point> points) {
        return new LoadReport(scenario, startedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), args, load,
                LoadReport.Machine.current(), List.copyOf(points));
    }

    /** Prints the table on {@code out}, writes the JSON and says where on {@code err}. */
    static void finish(LoadReport report, ZonedDateTime startedAt, RunOptions run, PrintStream out, PrintStream err)
            throws IOException {
        out.print(ReportTable.render(report));
        out.flush();
        Path file = run.out(report.scenario(), startedAt);
        ReportJson.write(report, file);
        err.println("[bench] JSON: " + file.toAbsolutePath());
    }
}
