package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.bench.load.report.LoadReport;
import io.parley.bench.load.report.Measurement;
import io.parley.bench.load.report.Point;
import io.parley.bench.load.report.ReportJson;
import io.parley.bench.load.report.ReportTable;
import io.parley.bench.load.stats.Percentiles.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    static Measurement measurement(String target, int players, double cpuMicrosPerPacket, double delayP99) {
        return new Measurement(target, players, players + 1, players, 10, 0.5, 10_000, 9_990, 8_000_000,
                cpuMicrosPerPacket, new Summary(9_990, delayP99 / 2, delayP99, delayP99 * 2), 0.001,
                new Summary(players, 40, 80, 90), new Summary(players + 1, 2.5, 6, 7), Double.NaN, 20_480, 51_200,
                30_720, 102_400, 3, 0.012, 5.5, 0, 0.1);
    }

    static LoadReport report(List<Point> points) {
        return new LoadReport("broadcast", "2026-11-24T02:00:00Z", List.of("--players", "10,25"), "1 publisher",
                new LoadReport.Machine(2, 24L << 30, "Linux", "OpenJDK 17", 1.5), points);
    }

    @Test
    void ratiosAgainstFloorAndJanus() {
        Point p = new Point(10, measurement("parley", 10, 6, 800), measurement("floor", 10, 5, 100),
                measurement("janus", 10, 12, 1600));
        assertThat(p.cpuPerPacketVsFloor()).isEqualTo(1.2);
        assertThat(p.cpuPerPacketVsJanus()).isEqualTo(0.5);
        assertThat(p.delayP99VsJanus()).isEqualTo(0.5);
        Point alone = new Point(10, measurement("parley", 10, 6, 800), null, null);
        assertThat(alone.cpuPerPacketVsFloor()).isNaN();
        assertThat(alone.delayP50VsJanus()).isNaN();
        assertThat(p.parley().forwardedPacketsPerSecond()).isEqualTo(1000);
        assertThat(p.parley().cpuCoreShare()).isEqualTo(0.05);
        // 0.5 s of CPU, 0.1 s of it the JIT compilers', over 10,000 packets
        assertThat(p.parley().cpuMicrosPerPacketWithoutJit()).isCloseTo(40, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ReportTable.render(report(List.of(p)))).contains("of which JIT compilers, % of a core")
                .containsPattern("CPU per forwarded packet without JIT, µs +40\\.00");
    }

    @Test
    void jsonRoundTripKeepsEveryFigureAndNaN(@TempDir Path dir) throws IOException {
        LoadReport r = report(List.of(new Point(10, measurement("parley", 10, 6.25, 800), measurement("floor", 10, 5, 100), null),
                new Point(25, measurement("parley", 25, 5.5, 900), null, null)));
        Path file = dir.resolve("sub/broadcast.json");
        ReportJson.write(r, file);
        String json = Files.readString(file);
        assertThat(json).contains("\"cpuMicrosPerPacket\" : 6.25").contains("\"loginsPerSecond\" : \"NaN\"");
        LoadReport back = ReportJson.read(file);
        assertThat(back).isEqualTo(r);
        assertThat(back.points().get(0).parley().loginsPerSecond()).isNaN();
    }

    @Test
    void notAReportFailsWithTheFileName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "{\"points\": 3}");
        assertThatThrownBy(() -> ReportJson.read(file)).isInstanceOf(IOException.class).hasMessageContaining("x.json: not a load report");
    }

    @Test
    void tableHasAColumnPerTargetAndTheRatios() {
        String table = ReportTable.render(report(List.of(new Point(10, measurement("parley", 10, 6, 800),
                measurement("floor", 10, 5, 100), measurement("janus", 10, 12, 1600)))));
        assertThat(table).contains("broadcast — 1 publisher").contains("2 cores");
        String header = table.lines().filter(l -> l.startsWith("players 10")).findFirst().orElseThrow();
        assertThat(header).contains("parley").contains("floor").contains("janus").contains("parley/floor").contains("parley/janus");
        String cpu = table.lines().filter(l -> l.startsWith("CPU per forwarded packet")).findFirst().orElseThrow();
        assertThat(cpu).contains("6.00").contains("5.00").contains("12.00").contains("1.20×").contains("0.50×");
        assertThat(table).contains("1,000").contains("20.0 / 50.0");
        // Logins per second is NaN everywhere here: the row is left out rather than filled with dashes.
        assertThat(table).doesNotContain("logins/s");
    }

    @Test
    void aLoginStormShowsItsLoginFiguresAndNoPacketRows() {
        Measurement storm = new Measurement("parley", 0, 1000, 0, 20, 7, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Summary.EMPTY, Double.NaN, Summary.EMPTY, new Summary(1000, 4.25, 9.5, 12), 50, 4608, Double.NaN, 90_000,
                Double.NaN, 3, 0.125, 40, 0, 0.5);
        String table = ReportTable.render(report(List.of(new Point(0, storm, null, null))));
        assertThat(table).contains("logins/s").contains("4.25 / 9.50 / 12.00").contains("4.5 / -");
        assertThat(table).doesNotContain("players 0").doesNotContain("forwarded packets/s").doesNotContain("CPU per forwarded");
    }

    @Test
    void tableOfParleyAloneHasNoRatioColumns() {
        String table = ReportTable.render(report(List.of(new Point(10, measurement("parley", 10, 6, 800), null, null))));
        assertThat(table).doesNotContain("parley/floor").doesNotContain("×");
        assertThat(table).contains("delay p50 / p99 / max").contains("400 / 800 / 1,600");
    }
}
