package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.parley.bench.load.stats.GcLog;
import io.parley.bench.load.stats.JstatGc;
import io.parley.bench.load.stats.Percentiles;
import io.parley.bench.os.ProcStat;
import io.parley.bench.load.stats.PrometheusText;
import io.parley.bench.load.stats.Ratio;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsTest {

    @Test
    void nearestRankPercentiles() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i; // 100 .. 1, unsorted on purpose
        }
        Percentiles p = Percentiles.of(samples);
        assertThat(p.quantile(0.50)).isEqualTo(50);
        assertThat(p.quantile(0.99)).isEqualTo(99);
        assertThat(p.quantile(1.0)).isEqualTo(100);
        assertThat(p.quantile(0.001)).isEqualTo(1);
        assertThat(p.max()).isEqualTo(100);
        assertThat(samples[0]).as("the caller's array is not sorted in place").isEqualTo(100);
    }

    @Test
    void percentilesOfFewSamplesAndOfNone() {
        Percentiles three = Percentiles.of(new long[] {30, 10, 20, 999}, 3);
        assertThat(three.quantile(0.5)).isEqualTo(20);
        assertThat(three.quantile(0.99)).isEqualTo(30);
        Percentiles.Summary s = Percentiles.of(2_000_000, 4_000_000).summary(1e6);
        assertThat(s).isEqualTo(new Percentiles.Summary(2, 2.0, 4.0, 4.0));
        assertThat(Percentiles.of().quantile(0.5)).isNaN();
        assertThat(Percentiles.of().summary(1).count()).isZero();
        assertThatThrownBy(() -> Percentiles.of(1).quantile(0)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> Percentiles.of(new long[2], 3)).hasMessageContaining("count 3");
    }

    @Test
    void ratiosAreNanWhenAFigureIsMissing() {
        assertThat(Ratio.of(5, 4)).isEqualTo(1.25);
        assertThat(Ratio.of(5, 0)).isNaN();
        assertThat(Ratio.of(Double.NaN, 4)).isNaN();
        assertThat(Ratio.of(5, Double.NaN)).isNaN();
        assertThat(Ratio.perSecond(300, 1_500_000_000L)).isEqualTo(200);
    }

    @Test
    void cpuTimeFromProcStatCountsFieldsAfterTheCommandName() {
        // A command name with spaces and a parenthesis: fields are counted from the last ')'.
        String line = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 12345 0 3 0 1234 567 0 0 20 0 42 0 1036922 "
                + "3133440 9000 18446744073709551615 1 1 0 0 0 0 0 4096 17 1 0 0 0 0 0";
        ProcStat s = ProcStat.parse(line);
        assertThat(s.utimeTicks()).isEqualTo(1234);
        assertThat(s.stimeTicks()).isEqualTo(567);
        assertThat(s.cpuNanos()).isEqualTo((1234 + 567) * 10_000_000L);
    }

    @Test
    void procStatOfThisProcessIsReadable() {
        long pid = ProcessHandle.current().pid();
        assertThat(ProcStat.read(pid).cpuNanos()).isPositive();
        assertThat(ProcStat.rssBytes(pid)).isGreaterThan(1024 * 1024);
    }

    @Test
    void malformedProcFilesFailClearly() {
        assertThatThrownBy(() -> ProcStat.parse("4242 java S 1")).hasMessageContaining("no command in parentheses");
        assertThatThrownBy(() -> ProcStat.parse("4242 (java) S 1 2 3")).hasMessageContaining("expected at least 15");
        assertThatThrownBy(() -> ProcStat.parse("4242 (java) S 1 2 3 4 5 6 7 8 9 10 x y 1 2"))
                .hasMessageContaining("utime/stime are not numbers");
        assertThat(ProcStat.parseRss("Name:\tjava\nVmRSS:\t  123456 kB\nThreads: 9\n")).isEqualTo(123456L * 1024);
        assertThatThrownBy(() -> ProcStat.parseRss("Name:\tkthreadd\n")).hasMessageContaining("no VmRSS");
        assertThatThrownBy(() -> ProcStat.read(Integer.MAX_VALUE)).hasMessageContaining("has the process ended?");
    }

    @Test
    void prometheusCountersAndGaugesByNameAndLabels() {
        String text = """
                # HELP parley_media_rtp_forwarded_packets_total RTP packets sent to players
                # TYPE parley_media_rtp_forwarded_packets_total counter
                parley_media_rtp_forwarded_packets_total 1.2345E7
                parley_sessions 51.0
                parley_media_transports{side="publisher"} 1.0
                parley_media_transports{side="subscriber"} 50.0
                parley_signal_errors_total{code="1002033",note="a b}c"} 2.0
                jvm_odd NaN
                """;
        PrometheusText m = PrometheusText.parse(text);
        assertThat(m.get("parley_media_rtp_forwarded_packets_total")).isEqualTo(12_345_000);
        assertThat(m.sum("parley_media_transports")).isEqualTo(51);
        assertThat(m.get("parley_media_transports{side=\"subscriber\"}")).isEqualTo(50);
        assertThat(m.sum("parley_signal_errors_total")).isEqualTo(2);
        assertThat(m.has("parley_media")).as("a prefix is not a metric").isFalse();
        assertThat(m.has("parley_sessions")).isTrue();
        assertThat(m.get("missing")).isNaN();
        assertThat(m.get("jvm_odd")).isNaN();
        assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbroken_line_without_value\n")).hasMessageContaining("line 2 has no value");
        assertThatThrownBy(() -> PrometheusText.parse("x{a=\"b\"} many")).hasMessageContaining("no number");
    }

    @Test
    void jstatGcColumnsByName() {
        String out = """
                    S0C         S1C         S0U         S1U          EC           EU           OC           OU          MC         MU       CCSC      CCSU     YGC     YGCT     FGC    FGCT     CGC    CGCT       GCT  \s
                        0.0      8192.0         0.0      5845.8     118784.0      12288.0     270336.0      11657.5    18048.0    17796.3    2112.0    2003.0      6     0.170     1     0.050     2     0.010     0.230
                """;
        JstatGc gc = JstatGc.parse(out);
        assertThat(gc.heapUsedBytes()).isEqualTo(Math.round((5845.8 + 12288.0 + 11657.5) * 1024));
        assertThat(gc.collections()).isEqualTo(9);
        assertThat(gc.gcSeconds()).isCloseTo(0.230, within(1e-9));
        JstatGc dashes = JstatGc.parse("S0U S1U EU OU YGC FGC GCT\n- - 1.0 1.0 3 0 0.5\n");
        assertThat(dashes.heapUsedBytes()).isEqualTo(2048);
        assertThat(dashes.collections()).isEqualTo(3);
        assertThatThrownBy(() -> JstatGc.parse("S0U S1U EU OU\n1 1 1 1\n")).hasMessageContaining("no column YGC");
        assertThatThrownBy(() -> JstatGc.parse("12345 not found")).hasMessageContaining("expected a header and values");
        assertThatThrownBy(() -> JstatGc.parse("S0U S1U\n1\n")).hasMessageContaining("2 columns, values 1");
    }

    @Test
    void jstatReadsThisJvm() throws Exception {
        JstatGc gc = JstatGc.read(ProcessHandle.current().pid());
        assertThat(gc.heapUsedBytes()).isPositive();
    }

    @Test
    void gcLogPausesAfterAMark(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gc.log");
        GcLog log = new GcLog(file);
        assertThat(log.mark()).isZero();
        assertThat(log.pausesSince(0)).isEmpty();
        Files.writeString(file, """
                [0.010s][info][gc] Using G1
                [1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 2.345ms
                """);
        long mark = log.mark();
        Files.writeString(file, Files.readString(file) + """
                [5.000s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 100M->90M(256M) 7.5ms
                [5.100s][info][gc] GC(2) Concurrent Mark Cycle 40.000ms
                [5.200s][info][gc] GC(2) Pause Remark 91M->91M(256M) 1.250ms
                """);
        assertThat(log.pausesSince(0)).containsExactly(2.345, 7.5, 1.25);
        assertThat(log.pausesSince(mark)).containsExactly(7.5, 1.25);
    }
}
