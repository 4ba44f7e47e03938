package io.parley.bench.load.run;

import io.parley.bench.load.ProgressLine;
import io.parley.bench.load.report.Measurement;
import io.parley.bench.load.server.ServerProbe;
import io.parley.bench.load.server.ServerSample;
import io.parley.bench.load.stats.Percentiles;
import io.parley.bench.load.stats.Ratio;
import io.parley.bench.load.targets.LoadClient;
import io.parley.bench.load.targets.LoadTarget;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;

/**
 * The login storm: {@code logins} users log in to one room as fast as the server accepts them, with
 * at most {@code inFlight} logins outstanding. A warm-up storm of a quarter as many (logged out
 * again) runs first so the JIT has compiled the login path. Reports logins per second over the
 * whole storm, each login's time (loginRoom called to CONNECTED), the server's CPU per login and its
 * live heap per session.
 */
public final class LoginStormRun {
    private final LoadTarget target;
    private final int logins;
    private final int inFlight;
    private final Duration callTimeout;
    private final ProgressLine progress;

    public LoginStormRun(LoadTarget target, int logins, int inFlight, Duration callTimeout, ProgressLine progress) {
        if (logins < 1 || inFlight < 1) {
            throw new IllegalArgumentException("a storm needs at least 1 login and 1 in flight, got " + logins + " and " + inFlight);
        }
        this.target = target;
        this.logins = logins;
        this.inFlight = inFlight;
        this.callTimeout = callTimeout;
        this.progress = progress;
    }

    public Measurement run() throws IOException, InterruptedException {
        ServerProbe probe = target.probe();
        int warm = Math.max(1, logins / 4);
        Bounded.closeAll(storm("warm-", warm, new AtomicLongArray(warm), "warm-up").clients(), callTimeout);
        probe.collectGarbage();
        ServerSample idle = probe.sample();
        AtomicLongArray times = new AtomicLongArray(logins);
        long start = System.nanoTime();
        List<LoadClient> clients = new ArrayList<>();
        try {
            ServerSample s0 = probe.sample();
            long gcMark = probe.gcLog() == null ? 0 : probe.gcLog().mark();
            Storm storm = storm("u-", logins, times, "storm");
            clients = storm.clients;
            long elapsed = System.nanoTime() - start;
            ServerSample s1 = probe.sample();
            double maxPause = probe.gcLog() == null ? Double.NaN
                    : probe.gcLog().pausesSince(gcMark).stream().mapToDouble(Double::doubleValue).max().orElse(0);
            probe.collectGarbage();
            ServerSample loaded = probe.sample();
            long[] ok = IntStream.range(0, logins).mapToLong(times::get).filter(t -> t > 0).toArray();
            double seconds = elapsed / 1e9;
            return new Measurement(target.name(), 0, ok.length, 0, s1.nanosSince(s0) / 1e9, s1.cpuSecondsSince(s0),
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Percentiles.Summary.EMPTY, Double.NaN,
                    Percentiles.Summary.EMPTY, Percentiles.of(ok).summary(1e6), Ratio.of(ok.length, seconds),
                    Ratio.of(loaded.heapUsedBytes() - idle.heapUsedBytes(), ok.length), Double.NaN,
                    Ratio.of(loaded.rssBytes() - idle.rssBytes(), ok.length), Double.NaN,
                    s1.gcCount() - s0.gcCount(), s1.gcSeconds() - s0.gcSeconds(), maxPause, storm.failures,
                    s1.jitCpuSecondsSince(s0));
        } finally {
            progress.show(target.name() + ": logging out " + clients.size() + " users");
            Bounded.closeAll(clients, callTimeout);
        }
    }

    private record Storm(List<LoadClient> clients, int failures) {
    }

    private Storm storm(String prefix, int n, AtomicLongArray times, String phase) throws InterruptedException {
        List<Integer> users = IntStream.range(0, n).boxed().toList();
        List<LoadClient> clients = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        progress.show(() -> String.format(Locale.ROOT, "%s: %s %d/%d logins, %.0f/s", target.name(), phase, done.get(), n,
                Ratio.perSecond(done.get(), System.nanoTime() - start)));
        int failures = Bounded.run(users, inFlight, callTimeout, i -> {
            LoadClient c = target.client(prefix + i);
            clients.add(c);
            long t0 = System.nanoTime();
            return c.login("storm").thenRun(() -> times.set(i, System.nanoTime() - t0));
        }, done);
        return new Storm(List.copyOf(clients), failures);
    }
}
