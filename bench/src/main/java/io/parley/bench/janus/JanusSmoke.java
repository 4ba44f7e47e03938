package io.parley.bench.janus;

import io.parley.sdk.media.CountingSink;
import io.parley.sdk.media.SyntheticConfig;
import io.parley.sdk.media.SyntheticSource;
import io.parley.transport.MediaClient;
import io.parley.transport.TransportLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The opt-in check that the Janus side of the benchmarks works on this machine (root, network
 * namespaces, Debian's janus): starts the Janus host, publishes one synthetic stream (audio and
 * about 1.5 Mbit/s of video) into a VideoRoom, plays it with N counting subscribers for a while,
 * prints what arrived and Janus's CPU time per forwarded packet, and tears everything down.
 * Not a unit test: CI has no root. Run it as
 * {@code java -cp bench/target/benchmarks.jar io.parley.bench.janus.JanusSmoke [subscribers] [seconds] [video bit/s]}.
 * It exits 1 when no packet reached a subscriber.
 */
public final class JanusSmoke {
    private static final int VIDEO_PACKETS_PER_SECOND = 200;
    private static final long WARM_UP_MILLIS = 3_000;

    private JanusSmoke() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long videoBits = args.length > 2 ? Long.parseLong(args[2]) : 1_500_000;
        boolean ok;
        try (JanusHost host = JanusHost.start()) {
            System.out.printf("janus pid %d, API %s, our side %s%n", host.pid(), host.api(), host.hostAddress().getHostAddress());
            ok = run(host, subscribers, seconds, videoBits);
        }
        System.exit(ok ? 0 : 1);
    }

    static boolean run(JanusHost host, int subscribers, int seconds, long videoBits) throws Exception {
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smoke-pacer");
            t.setDaemon(true);
            return t;
        });
        long room = 1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        List<JanusSubscriber> subs = new ArrayList<>();
        List<CountingSink> sinks = new ArrayList<>();
        List<WindowSink> windows = new ArrayList<>();
        try (MediaClient media = new MediaClient(host.hostAddress(), TransportLimits.DEFAULTS);
             JanusClient client = JanusClient.connect(host.api())) {
            JanusHandle admin = JanusClient.await(client.attach(JanusVideoRoom.PLUGIN));
            JanusClient.await(JanusVideoRoom.createRoom(admin, room, 4));
            SyntheticConfig config = SyntheticConfig.audioVideo(videoBits, VIDEO_PACKETS_PER_SECOND);
            long joinStart = System.nanoTime();
            JanusPublisher pub = JanusPublisher.publish(client, media, room, "smoke-publisher", new SyntheticSource(config), pacer);
            System.out.printf("publisher feed %d connected in %d ms%n", pub.feedId(), (System.nanoTime() - joinStart) / 1_000_000);
            for (int i = 0; i < subscribers; i++) {
                CountingSink sink = new CountingSink();
                WindowSink window = new WindowSink(sink);
                long t0 = System.nanoTime();
                subs.add(JanusSubscriber.subscribe(client, media, room, pub.feedId(), window));
                sinks.add(sink);
                windows.add(window);
                if (i == 0 || i == subscribers - 1) {
                    System.out.printf("subscriber %d connected in %d ms%n", i + 1, (System.nanoTime() - t0) / 1_000_000);
                }
            }
            Thread.sleep(WARM_UP_MILLIS);
            windows.forEach(WindowSink::open);
            long sent0 = pub.packetsSent();
            long recv0 = received(sinks);
            long cpu0 = ProcessCpu.cpuNanos(host.pid());
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            long cpu1 = ProcessCpu.cpuNanos(host.pid());
            long t1 = System.nanoTime();
            long sent = pub.packetsSent() - sent0;
            long forwarded = received(sinks) - recv0;
            CountingSink.Snapshot all = CountingSink.Snapshot.empty();
            int silent = 0;
            for (CountingSink s : sinks) {
                CountingSink.Snapshot snap = s.snapshot();
                all = all.merge(snap);
                if (snap.packets() == 0) {
                    silent++;
                }
            }
            double wall = (t1 - t0) / 1e9;
            double cpu = (cpu1 - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "%d subscribers, %.1f s: publisher sent %d packets (%.0f/s, %d send failures, %d PLI/FIR),"
                            + " subscribers received %d (%.0f/s), %d subscribers got nothing%n",
                    subscribers, wall, sent, sent / wall, pub.sendFailures(), pub.keyframeRequests(), forwarded, forwarded / wall, silent);
            System.out.printf(Locale.ROOT, "loss %.3f %%, one-way delay through Janus p50 %d us, p99 %d us, max %d us (after the warm-up)%n",
                    all.lossRatio() * 100, all.p50Micros(), all.p99Micros(), all.maxMicros());
            System.out.printf(Locale.ROOT, "Janus CPU %.2f s in %.1f s (%.0f %% of one core): %.2f us per forwarded packet%n",
                    cpu, wall, 100 * cpu / wall, forwarded == 0 ? Double.NaN : (cpu1 - cpu0) / 1e3 / forwarded);
            for (JanusSubscriber s : subs) {
                s.close();
            }
            pub.close();
            JanusClient.await(admin.message(JanusVideoRoom.destroy(room), null));
            return forwarded > 0 && silent == 0;
        } finally {
            pacer.shutdownNow();
        }
    }

    private static long received(List<CountingSink> sinks) {
        long n = 0;
        for (CountingSink s : sinks) {
            n += s.snapshot().packets();
        }
        return n;
    }
}
