package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.bench.load.report.LoadReport;
import io.parley.bench.load.report.Measurement;
import io.parley.bench.load.report.ReportJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Each scenario once at a tiny scale through the whole command: the server jar started as a
 * process, Java SDK engines with synthetic sources and counting sinks, the JSON read back. The
 * figures must be consistent with each other, never fast: benchmarks do not assert on time.
 */
class ScenarioRunTest {
    @TempDir
    Path dir;

    private LoadReport run(String... args) throws Exception {
        Path out = dir.resolve("report.json");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", out.toString(), "--server-jar", ServerProcessTest.jar().toString(),
                "--server-jvm", "-Xmx512m", "--work-dir", dir.resolve("work").toString()));
        int code = new CommandLine(new LoadMain()).execute(all.toArray(new String[0]));
        assertThat(code).as("exit code of " + all).isZero();
        return ReportJson.read(out);
    }

    /** What every media run must show: packets both counted by the server and received, little loss, CPU spent. */
    private static void consistentMediaRun(Measurement m, int plays) {
        assertThat(m.failures()).isZero();
        assertThat(m.plays()).isEqualTo(plays);
        assertThat(m.receivedPackets()).isPositive();
        assertThat(m.forwardedPackets()).isPositive();
        // The server's counter and the players' sinks count the same packets, read a few ms apart; a 6 s
        // window keeps a stall between the two reads on a loaded machine well inside the 20 %.
        assertThat(Math.abs(m.forwardedPackets() - m.receivedPackets()) / m.forwardedPackets()).isLessThan(0.2);
        assertThat(m.lossRatio()).isLessThan(0.05);
        assertThat(m.cpuSeconds()).isPositive();
        assertThat(m.cpuMicrosPerPacket()).isPositive();
        assertThat(m.forwardedBitsPerSecond()).isPositive();
        assertThat(m.delayMicros().count()).isPositive();
        assertThat(m.delayMicros().p50()).isPositive().isLessThanOrEqualTo(m.delayMicros().p99());
        assertThat(m.joinMillis().count()).isEqualTo(plays);
        assertThat(m.loginMillis().p50()).isPositive();
        assertThat(m.heapPerSessionBytes()).isFinite();
    }

    @Test
    @Timeout(120)
    void broadcastToTwoPlayers() throws Exception {
        LoadReport r = run("broadcast", "--players", "2", "--warmup", "1", "--duration", "6");
        assertThat(r.scenario()).isEqualTo("broadcast");
        assertThat(r.points()).hasSize(1);
        Measurement m = r.points().get(0).parley();
        consistentMediaRun(m, 2);
        assertThat(m.sessions()).isEqualTo(3);
    }

    @Test
    @Timeout(120)
    void meetingOfThree() throws Exception {
        LoadReport r = run("meeting", "--rooms", "1", "--users", "3", "--warmup", "1", "--duration", "6");
        Measurement m = r.points().get(0).parley();
        consistentMediaRun(m, 6);
        assertThat(m.sessions()).isEqualTo(3);
        assertThat(m.players()).isEqualTo(2);
    }

    @Test
    @Timeout(120)
    void loginStormOfForty() throws Exception {
        LoadReport r = run("login-storm", "--logins", "40", "--in-flight", "4");
        Measurement m = r.points().get(0).parley();
        assertThat(m.failures()).isZero();
        assertThat(m.sessions()).isEqualTo(40);
        assertThat(m.loginMillis().count()).isEqualTo(40);
        assertThat(m.loginMillis().p50()).isPositive().isLessThanOrEqualTo(m.loginMillis().p99());
        assertThat(m.loginsPerSecond()).isPositive();
        assertThat(m.cpuSeconds()).isPositive();
    }
}
