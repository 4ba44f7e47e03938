package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.bench.load.server.BenchApp;
import io.parley.bench.load.server.ServerProbe;
import io.parley.bench.load.server.ServerProcess;
import io.parley.bench.load.server.ServerSample;
import io.parley.bench.load.stats.GcLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server jar (built by this module's -am build before its tests) as a process: started, read, stopped. */
class ServerProcessTest {
    static Path jar() throws IOException {
        // Tests run in bench/; the jar is the server module's.
        return ServerProcess.findJar(Path.of("..").toAbsolutePath().normalize());
    }

    @Test
    @Timeout(90)
    void startsReadsAndStopsTheServerJar(@TempDir Path dir) throws Exception {
        BenchApp app = BenchApp.random(new SecureRandom());
        Path config = app.writeConfig(dir.resolve("server.yaml"));
        try (ServerProcess server = ServerProcess.start(jar(), config, dir, List.of("-Xmx256m"), Duration.ofSeconds(60))) {
            assertThat(server.base().toString()).startsWith("http://127.0.0.1:");
            ServerProbe probe = new ServerProbe(server.pid(), server.base().resolve("/metrics"), true, new GcLog(server.gcLog()));
            ServerSample a = probe.sample();
            assertThat(a.cpuNanos()).as("a JVM that started has used CPU").isPositive();
            assertThat(a.rssBytes()).isGreaterThan(10e6);
            assertThat(a.heapUsedBytes()).isPositive();
            assertThat(a.forwardedPackets()).as("/metrics has the media counters, zero so far").isZero();
            assertThat(a.sessions()).isZero();
            probe.collectGarbage();
            ServerSample b = probe.sample();
            assertThat(b.gcCount()).as("jcmd GC.run is one more collection").isGreaterThan(a.gcCount());
            assertThat(b.cpuNanos()).isGreaterThanOrEqualTo(a.cpuNanos());
            assertThat(probe.gcLog().pausesSince(0)).isNotEmpty();
            server.close();
            assertThat(server.isAlive()).isFalse();
            assertThat(Files.readString(server.log())).contains("Parley ready at");
        }
    }

    @Test
    @Timeout(60)
    void aServerThatCannotStartSaysWhy(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "apps: []\n");
        assertThatThrownBy(() -> ServerProcess.start(jar(), config, dir, List.of(), Duration.ofSeconds(50)))
                .isInstanceOf(IOException.class).hasMessageContaining("exited").hasMessageContaining("server.log");
        assertThatThrownBy(() -> ServerProcess.start(dir.resolve("none.jar"), config, dir, List.of(), Duration.ofSeconds(5)))
                .hasMessageContaining("no server jar");
        assertThatThrownBy(() -> ServerProcess.findJar(dir)).hasMessageContaining("no parley-server-*-all.jar");
    }
}
