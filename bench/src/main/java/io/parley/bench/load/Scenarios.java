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
import io.parley.bench.load.target.JanusTarget;
import io.parley.bench.load.target.ParleyTarget;
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
            floor = FloorBaseline.run(load, players);
        }
        Measurement janus = null;
        if (run.compare.contains(RunOptions.Compare.janus)) {
            progress.show("janus: starting its test host");
            try (JanusTarget t = JanusTarget.start()) {
                janus = new MediaRun(t, plan, new SyntheticKit(), shape, run.timing(), progress).run(players);
            } catch (JanusException e) {
                throw new IOException("--compare janus: " + e.getMessage(), e);
            }
        }
        return new Point(players, parley, floor, janus);
    }

    /** Prints the table on {@code out}, writes the JSON and says where on {@code err}. */
    static LoadReport finish(String scenario, ZonedDateTime startedAt, List<String> args, String load, List<Point> points,
                             RunOptions run, PrintStream out, PrintStream err) throws IOException {
        LoadReport report = new LoadReport(scenario, startedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), args, load,
                LoadReport.Machine.current(), points);
        out.print(ReportTable.render(report));
        out.flush();
        Path file = run.out(scenario, startedAt);
        ReportJson.write(report, file);
        err.println("[bench] JSON: " + file.toAbsolutePath());
        return report;
    }
}
