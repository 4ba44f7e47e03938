package io.parley.bench.plot;

import io.parley.bench.load.report.LoadReport;
import io.parley.bench.load.report.Measurement;
import io.parley.bench.load.report.Point;
import io.parley.bench.load.report.ReportJson;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plot}: the PNG of server CPU per forwarded packet against the number of players, from the
 * JSON of one or more broadcast sweeps: Parley's points, and the C floor's and Janus's when the run
 * measured them, with the goal line at 1.25 × the floor.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Plot server CPU per forwarded packet against players from broadcast sweep JSON files (./parley bench"
                + " broadcast --players 10,25,50,100 [--compare floor]), as a PNG drawn by our own code.")
public final class PlotCommand implements Callable<Integer> {
    static final Color PARLEY = new Color(0x1F77B4);
    static final Color FLOOR = new Color(0x2CA02C);
    static final Color JANUS = new Color(0xD62728);

    @Parameters(paramLabel = "JSON", arity = "1..*", description = "Reports written by broadcast runs; their points are pooled.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "PNG", defaultValue = "docs/img/cpu-per-packet.png",
            description = "Where the PNG goes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "960x560", description = "Image size (default: ${DEFAULT-VALUE}).")
    String size;

    @Override
    public Integer call() throws Exception {
        List<Point> points = new ArrayList<>();
        String when = "";
        for (Path in : inputs) {
            LoadReport r = ReportJson.read(in);
            points.addAll(r.points());
            when = r.startedAt().length() >= 10 ? r.startedAt().substring(0, 10) : r.startedAt();
        }
        String[] wh = size.toLowerCase(java.util.Locale.ROOT).split("x");
        if (wh.length != 2) {
            throw new IllegalArgumentException("--size must be WIDTHxHEIGHT, got " + size);
        }
        plot(points, "Server CPU per forwarded packet, broadcast (" + when + ")")
                .writePng(out, Integer.parseInt(wh[0].trim()), Integer.parseInt(wh[1].trim()));
        System.err.println("[bench] plot: " + out.toAbsolutePath());
        return 0;
    }

    /** The chart of {@code points}: Parley, floor, Janus and the floor goal, whichever have figures. */
    public static LinePlot plot(List<Point> points, String title) {
        List<Series> series = new ArrayList<>();
        series.add(new Series("Parley", PARLEY, false, xy(points, Point::parley, 1)));
        List<Series.XY> floor = xy(points, Point::floor, 1);
        if (!floor.isEmpty()) {
            series.add(new Series("C floor (recvmmsg/sendmmsg + AES-GCM)", FLOOR, false, floor));
            series.add(new Series("goal: 1.25 x floor", FLOOR, true, xy(points, Point::floor, 1.25)));
        }
        List<Series.XY> janus = xy(points, Point::janus, 1);
        if (!janus.isEmpty()) {
            series.add(new Series("Janus VideoRoom", JANUS, false, janus));
        }
        return new LinePlot(title, "players of one stream", "CPU per forwarded packet (µs)", series);
    }

    private static List<Series.XY> xy(List<Point> points, Function<Point, Measurement> target, double scale) {
        List<Series.XY> out = new ArrayList<>();
        for (Point p : points) {
            Measurement m = target.apply(p);
            if (m != null) {
                out.add(new Series.XY(p.players(), scale * m.cpuMicrosPerPacket()));
            }
        }
        return out;
    }
}
