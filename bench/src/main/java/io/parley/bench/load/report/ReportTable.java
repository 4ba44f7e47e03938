package io.parley.bench.load.report;

import io.parley.bench.load.stats.Percentiles.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The table a run prints on stdout at the end: for each load size, one row per figure, one column
 * per target measured (Parley, the C floor, Janus) and the ratios Parley ÷ floor and Parley ÷ Janus
 * where the issue sets a goal on them.
 */
public final class ReportTable {
    private ReportTable() {
    }

    private record Row(String label, Function<Measurement, String> cell, ToDoubleFunction<Point> vsFloor,
                       ToDoubleFunction<Point> vsJanus) {
    }

    private static final ToDoubleFunction<Point> NONE = p -> Double.NaN;

    private static final List<Row> ROWS = List.of(
            new Row("sessions / plays", m -> m.sessions() + " / " + m.plays(), NONE, NONE),
            new Row("forwarded packets/s", m -> num(m.forwardedPacketsPerSecond(), 0), NONE, NONE),
            new Row("forwarded Mbit/s", m -> num(m.forwardedBitsPerSecond() / 1e6, 2), NONE, NONE),
            new Row("received by players, packets", m -> num(m.receivedPackets(), 0), NONE, NONE),
            new Row("server CPU, % of a core", m -> num(100 * m.cpuCoreShare(), 1), NONE, NONE),
            new Row("CPU per forwarded packet, µs", m -> num(m.cpuMicrosPerPacket(), 2), Point::cpuPerPacketVsFloor,
                    Point::cpuPerPacketVsJanus),
            new Row("  of which JIT compilers, % of a core", m -> num(100 * m.jitCpuSeconds() / m.windowSeconds(), 1), NONE, NONE),
            new Row("  CPU per forwarded packet without JIT, µs", m -> num(m.cpuMicrosPerPacketWithoutJit(), 2), NONE, NONE),
            new Row("delay p50 / p99 / max, µs (ratio: p99)", m -> summary(m.delayMicros(), 0), NONE, Point::delayP99VsJanus),
            new Row("loss, %", m -> num(100 * m.lossRatio(), 3), NONE, NONE),
            new Row("join p50 / p99 / max, ms", m -> summary(m.joinMillis(), 1), NONE, NONE),
            new Row("login p50 / p99 / max, ms", m -> summary(m.loginMillis(), 2), NONE, NONE),
            new Row("logins/s", m -> num(m.loginsPerSecond(), 0), NONE, NONE),
            new Row("heap per session / play, KiB", m -> num(m.heapPerSessionBytes() / 1024, 1) + " / "
                    + num(m.heapPerPlayBytes() / 1024, 1), NONE, NONE),
            new Row("RSS per session / play, KiB", m -> num(m.rssPerSessionBytes() / 1024, 1) + " / "
                    + num(m.rssPerPlayBytes() / 1024, 1), NONE, NONE),
            new Row("GC collections / total / max pause, ms", m -> num(m.gcCollections(), 0) + " / "
                    + num(m.gcPauseSeconds() * 1000, 1) + " / " + num(m.gcMaxPauseMillis(), 1), NONE, NONE),
            new Row("failed calls", m -> Integer.toString(m.failures()), NONE, NONE));

    /** The whole table of {@code report}, one block per point. */
    public static String render(LoadReport report) {
        StringBuilder out = new StringBuilder();
        out.append(report.scenario()).append(" — ").append(report.load()).append('\n');
        LoadReport.Machine m = report.machine();
        out.append(String.format(Locale.ROOT, "%s, %d cores, %.1f GiB, %s, load average %.1f%n", report.startedAt(), m.cores(),
                m.memoryBytes() / (1024.0 * 1024 * 1024), m.java(), m.loadAverage()));
        for (Point p : report.points()) {
            out.append('\n').append(block(p));
        }
        return out.toString();
    }

    private static String block(Point p) {
        List<String> header = new ArrayList<>(List.of(p.players() > 0 ? "players " + p.players() : "", "parley"));
        boolean floor = p.floor() != null;
        boolean janus = p.janus() != null;
        if (floor) {
            header.add("floor");
        }
        if (janus) {
            header.add("janus");
        }
        if (floor) {
            header.add("parley/floor");
        }
        if (janus) {
            header.add("parley/janus");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (Row r : ROWS) {
            List<String> cells = new ArrayList<>();
            cells.add(r.label());
            cells.add(r.cell().apply(p.parley()));
            if (floor) {
                cells.add(r.cell().apply(p.floor()));
            }
            if (janus) {
                cells.add(r.cell().apply(p.janus()));
            }
            if (floor) {
                cells.add(ratio(r.vsFloor().applyAsDouble(p)));
            }
            if (janus) {
                cells.add(ratio(r.vsJanus().applyAsDouble(p)));
            }
            if (cells.stream().skip(1).anyMatch(c -> !c.isEmpty() && !c.equals("-"))) {
                rows.add(cells);
            }
        }
        return align(rows);
    }

    /** Left-aligned first column, right-aligned others, two spaces between. */
    static String align(List<List<String>> rows) {
        int cols = rows.get(0).size();
        int[] width = new int[cols];
        for (List<String> row : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                String cell = row.get(c);
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c == 0 ? cell + pad : "  " + pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** A figure with {@code decimals} places and thousands separators, or "-" when it is missing. */
    static String num(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String summary(Summary s, int decimals) {
        if (s == null || s.count() == 0) {
            return "-";
        }
        return num(s.p50(), decimals) + " / " + num(s.p99(), decimals) + " / " + num(s.max(), decimals);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.2f×", r);
    }
}
