package io.parley.bench.load.run;

import io.parley.bench.load.ProgressLine;
import io.parley.bench.load.media.MediaKit;
import io.parley.bench.load.media.PlayMeter;
import io.parley.bench.load.media.Reception;
import io.parley.bench.load.media.SourceShape;
import io.parley.bench.load.report.Measurement;
import io.parley.bench.load.server.ServerProbe;
import io.parley.bench.load.server.ServerSample;
import io.parley.bench.load.stats.Percentiles;
import io.parley.bench.load.stats.Ratio;
import io.parley.bench.load.targets.LoadClient;
import io.parley.bench.load.targets.LoadTarget;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One media load (broadcast or meeting) against one target, in phases so each figure has its own
 * moment: every user logs in (login time; then the live heap gives memory per session), publishers
 * publish, players play, {@code inFlight} at a time until each has its first packet (join time:
 * the user's login time plus play call to first packet), a
 * warm-up, then the measured window (CPU, packets, delay, loss, GC), then the live heap again
 * (memory per play) and every client closes.
 */
public final class MediaRun {
    private final LoadTarget target;
    private final Plan plan;
    private final MediaKit kit;
    private final SourceShape shape;
    private final RunTiming timing;
    private final ProgressLine progress;

    public MediaRun(LoadTarget target, Plan plan, MediaKit kit, SourceShape shape, RunTiming timing, ProgressLine progress) {
        this.target = target;
        this.plan = plan;
        this.kit = kit;
        this.shape = shape;
        this.timing = timing;
        this.progress = progress;
    }

    /** Runs the load and measures it; {@code players} is what the report files it under. */
    public Measurement run(int players) throws IOException, InterruptedException {
        ServerProbe probe = target.probe();
        String name = target.name();
        probe.collectGarbage();
        ServerSample idle = probe.sample();
        PlayMeter meter = kit.meter();
        List<Participant> users = plan.participants();
        ConcurrentHashMap<String, LoadClient> clients = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Long> loginNanos = new ConcurrentHashMap<>();
        int failures = 0;
        try {
            AtomicInteger loggedIn = new AtomicInteger();
            progress.show(() -> name + ": logging in " + loggedIn.get() + "/" + users.size());
            failures += Bounded.run(users, timing.inFlight(), timing.callTimeout(), p -> {
                LoadClient c = target.client(p.userId());
                clients.put(p.userId(), c);
                long t0 = System.nanoTime();
                return c.login(p.roomId()).thenRun(() -> loginNanos.put(p.userId(), System.nanoTime() - t0));
            }, loggedIn);
            probe.collectGarbage();
            ServerSample afterLogins = probe.sample();

            List<Participant> publishers = users.stream().filter(p -> p.publishes() != null && loginNanos.containsKey(p.userId())).toList();
            AtomicInteger published = new AtomicInteger();
            progress.show(() -> name + ": publishing " + published.get() + "/" + publishers.size());
            failures += Bounded.run(publishers, timing.inFlight(), timing.callTimeout(),
                    p -> clients.get(p.userId()).publish(p.publishes(), kit.source(shape)), published);

            List<PlayStart> starts = new ArrayList<>();
            for (Participant p : users) {
                if (loginNanos.containsKey(p.userId())) {
                    for (String stream : p.plays()) {
                        starts.add(new PlayStart(p.userId(), stream, new FirstPacketSink(meter.newSink())));
                    }
                }
            }
            AtomicInteger playing = new AtomicInteger();
            progress.show(() -> name + ": starting plays " + playing.get() + "/" + starts.size());
            // A play that fails or never gets a packet is counted once, below, as a play without a first packet.
            Bounded.run(starts, timing.inFlight(), timing.callTimeout(), s -> {
                s.startNanos = System.nanoTime();
                // A play holds its slot until its first packet: the server accepts a play before the
                // subscriber transport's DTLS handshake, and an unbounded burst of handshakes fails.
                return clients.get(s.userId).play(s.streamId, s.sink).thenCompose(v -> s.sink.firstPacket());
            }, playing);

            Percentiles.Summary join = joinTimes(starts, loginNanos);
            Rates rates = new Rates(probe, meter);
            progress.show(() -> name + ": warm-up | " + rates.line());
            TimeUnit.MILLISECONDS.sleep(timing.warmup().toMillis());

            long gcMark = probe.gcLog() == null ? 0 : probe.gcLog().mark();
            ServerSample s0 = probe.sample();
            meter.startWindow();
            Reception r0 = meter.snapshot();
            progress.show(() -> name + ": measuring | " + rates.line());
            TimeUnit.MILLISECONDS.sleep(timing.window().toMillis());
            ServerSample s1 = probe.sample();
            Reception r1 = meter.snapshot();
            List<Double> pauses = probe.gcLog() == null ? List.of() : probe.gcLog().pausesSince(gcMark);

            progress.show(name + ": reading memory");
            probe.collectGarbage();
            ServerSample loaded = probe.sample();
            int sessions = loginNanos.size();
            int plays = (int) starts.stream().filter(s -> s.sink.firstArrivalNanos() != 0).count();
            return measurement(name, players, sessions, plays, idle, afterLogins, loaded, s0, s1, r0, r1, join,
                    Percentiles.of(loginNanos.values().stream().mapToLong(Long::longValue).toArray()).summary(1e6), pauses,
                    failures + (starts.size() - plays));
        } finally {
            progress.show(name + ": closing " + clients.size() + " clients");
            Bounded.closeAll(clients.values(), timing.callTimeout());
        }
    }

    private Measurement measurement(String name, int players, int sessions, int plays, ServerSample idle,
                                    ServerSample afterLogins, ServerSample loaded, ServerSample s0, ServerSample s1,
                                    Reception r0, Reception r1, Percentiles.Summary join, Percentiles.Summary login,
                                    List<Double> pauses, int failures) {
        double window = s1.nanosSince(s0) / 1e9;
        double received = r1.packets() - r0.packets();
        double counted = s1.forwardedPackets() - s0.forwardedPackets();
        // The server's own count when it has one; Janus has none, and then the players' count stands in.
        double forwarded = Double.isNaN(counted) ? received : counted;
        double bytes = Double.isNaN(counted) ? r1.bytes() - r0.bytes() : s1.forwardedBytes() - s0.forwardedBytes();
        double cpu = s1.cpuSecondsSince(s0);
        double lost = r1.lost() - r0.lost();
        return new Measurement(name, players, sessions, plays, window, cpu, forwarded, received,
                Ratio.of(bytes * 8, window), Ratio.of(cpu * 1e6, forwarded), r1.delayMicros(),
                Ratio.of(lost, received + lost), join, login, Double.NaN,
                Ratio.of(afterLogins.heapUsedBytes() - idle.heapUsedBytes(), sessions),
                Ratio.of(loaded.heapUsedBytes() - afterLogins.heapUsedBytes(), plays),
                Ratio.of(afterLogins.rssBytes() - idle.rssBytes(), sessions),
                Ratio.of(loaded.rssBytes() - afterLogins.rssBytes(), plays),
                s1.gcCount() - s0.gcCount(), s1.gcSeconds() - s0.gcSeconds(),
                pauses.isEmpty() ? (s1.gcCount() - s0.gcCount() == 0 ? 0 : Double.NaN)
                        : pauses.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                failures, s1.jitCpuSecondsSince(s0));
    }

    /** Per play that received anything: its user's login time plus play call to first packet, in ms. */
    private static Percentiles.Summary joinTimes(List<PlayStart> starts, ConcurrentHashMap<String, Long> loginNanos) {
        long[] joins = new long[starts.size()];
        int n = 0;
        for (PlayStart s : starts) {
            long first = s.sink.firstArrivalNanos();
            if (first != 0) {
                joins[n++] = loginNanos.get(s.userId) + (first - s.startNanos);
            }
        }
        return Percentiles.of(joins, n).summary(1e6);
    }

    /** One play: who, what, when it was asked for, and its sink. */
    private static final class PlayStart {
        final String userId;
        final String streamId;
        final FirstPacketSink sink;
        volatile long startNanos;

        PlayStart(String userId, String streamId, FirstPacketSink sink) {
            this.userId = userId;
            this.streamId = streamId;
            this.sink = sink;
        }
    }

    /** The progress line's figures: rates since the previous line. */
    private static final class Rates {
        private final ServerProbe probe;
        private final PlayMeter meter;
        private ServerSample last;
        private Reception lastReception;

        Rates(ServerProbe probe, PlayMeter meter) {
            this.probe = probe;
            this.meter = meter;
        }

        synchronized String line() {
            try {
                ServerSample now = probe.quickSample();
                Reception r = meter.snapshot();
                String text = "";
                if (last != null) {
                    long nanos = now.nanosSince(last);
                    double fwd = now.forwardedPackets() - last.forwardedPackets();
                    // The meter starts counting afresh when the window opens.
                    long received = r.packets() >= lastReception.packets() ? r.packets() - lastReception.packets() : r.packets();
                    text = String.format(Locale.ROOT, "server %.0f%% of a core, %.0f forwarded/s, players %.0f received/s, lost %d, delay p99 %.0f µs",
                            100 * now.cpuSecondsSince(last) / (nanos / 1e9), Ratio.perSecond(fwd, nanos),
                            Ratio.perSecond(received, nanos), r.lost(), r.delayMicros().p99());
                }
                last = now;
                lastReception = r;
                return text;
            } catch (IOException | RuntimeException e) {
                return "(server unreadable: " + e.getMessage() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "(interrupted)";
            }
        }
    }
}
