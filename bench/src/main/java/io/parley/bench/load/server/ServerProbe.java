package io.parley.bench.load.server;

import io.parley.bench.load.stats.GcLog;
import io.parley.bench.load.stats.JstatGc;
import io.parley.bench.os.ProcStat;
import io.parley.bench.load.stats.PrometheusText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@link ServerSample}s of a server process: by pid from {@code /proc} and {@code jstat}, and
 * from its {@code /metrics} when it has one (Parley does; Janus and the C floor do not, and their
 * metrics fields stay NaN). {@link #collectGarbage()} asks the JVM for a full collection, so that
 * the heap read next is live data rather than garbage, for memory per session.
 */
public final class ServerProbe {
    private final long pid;
    private final URI metrics;
    private final boolean jvm;
    private final GcLog gcLog;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param metrics the server's {@code /metrics}, or null
     * @param jvm     whether the process is a JVM (jstat and jcmd can read it)
     * @param gcLog   the JVM's GC log when the generator started it with one, else null
     */
    public ServerProbe(long pid, URI metrics, boolean jvm, GcLog gcLog) {
        this.pid = pid;
        this.metrics = metrics;
        this.jvm = jvm;
        this.gcLog = gcLog;
    }

    /** The server's GC log, or null when the generator did not start the server. */
    public GcLog gcLog() {
        return gcLog;
    }

    public long pid() {
        return pid;
    }

    /** Everything: process, JVM (one jstat run) and metrics. */
    public ServerSample sample() throws IOException, InterruptedException {
        return sample(true);
    }

    /** Process and metrics only, without starting jstat: for the once-a-second progress line. */
    public ServerSample quickSample() throws IOException, InterruptedException {
        return sample(false);
    }

    private ServerSample sample(boolean withJvm) throws IOException, InterruptedException {
        double heap = Double.NaN;
        double gcCount = Double.NaN;
        double gcSeconds = Double.NaN;
        // jstat first (it takes a JVM start): the clock, the CPU and the counters are then read together.
        if (jvm && withJvm) {
            JstatGc gc = JstatGc.read(pid);
            heap = gc.heapUsedBytes();
            gcCount = gc.collections();
            gcSeconds = gc.gcSeconds();
        }
        long now = System.nanoTime();
        long cpu = ProcStat.read(pid).cpuNanos();
        long jit = jvm ? ProcStat.threadsCpuNanos(pid, ServerProbe::isJitCompiler) : 0;
        double rss = ProcStat.rssBytes(pid);
        PrometheusText m = metrics == null ? PrometheusText.parse("") : scrape();
        return new ServerSample(now, cpu, rss, heap, gcCount, gcSeconds,
                metric(m, "parley_media_rtp_forwarded_packets_total"), metric(m, "parley_media_rtp_forwarded_bytes_total"),
                metric(m, "parley_media_rtp_received_packets_total"), metric(m, "parley_sessions"), metric(m, "parley_media_players"),
                jit);
    }

    /** HotSpot's JIT compiler threads, as /proc shows their names (cut to 15 characters). */
    static boolean isJitCompiler(String threadName) {
        return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
    }

    /** The server's metrics now; one scrape is a few milliseconds of the server's CPU. */
    public PrometheusText scrape() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + metrics + " answered " + r.statusCode());
        }
        return PrometheusText.parse(r.body());
    }

    /** {@code jcmd PID GC.run}: a full collection now (outside the measured window: it is a pause). */
    public void collectGarbage() throws IOException, InterruptedException {
        if (!jvm) {
            return;
        }
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd " + pid + " GC.run did not finish in 30 s");
        }
    }

    private static double metric(PrometheusText m, String name) {
        return m.has(name) ? m.sum(name) : Double.NaN;
    }
}
