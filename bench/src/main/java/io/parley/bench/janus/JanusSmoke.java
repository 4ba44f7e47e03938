package io.parley.bench.janus;

import io.parley.bench.os.ProcStat;
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
 * namespaces, Debian's janus): starts the Janus host, then either publishes one synthetic stream
 * (audio and about 1.5 Mbit/s of video) into a VideoRoom and plays it with N counting subscribers
 * ({@code broadcast}), or puts K users in one room, each publishing and playing all the others
 * ({@code meeting}); measures after a warm-up, prints what arrived and Janus's CPU time per
 * forwarded packet, and tears everything down. Not a unit test: CI has no root. Run it as
 * {@code java -cp bench/target/benchmarks.jar io.parley.bench.janus.JanusSmoke [broadcast|meeting] [N or K] [seconds] [video bit/s]}.
 * It exits 1 when a subscriber got nothing.
 */
public final class JanusSmoke {
    private static final int VIDEO_PACKETS_PER_SECOND = 200;
    private static final long WARM_UP_MILLIS = 3_000;

    private JanusSmoke() {
    }

    public static void main(String[] args) throws Exception {
        int a = args.length > 0 && !Character.isDigit(args[0].charAt(0)) ? 1 : 0;
        boolean meeting = a == 1 && args[0].equals("meeting");
        if (a == 1 && !meeting && !args[0].equals("broadcast")) {
            System.err.println("usage: JanusSmoke [broadcast|meeting] [subscribers or users] [seconds] [video bit/s]");
            System.exit(64);
        }
        int count = args.length > a ? Integer.parseInt(args[a]) : meeting ? 3 : 2;
        int seconds = args.length > a + 1 ? Integer.parseInt(args[a + 1]) : 5;
        long videoBits = args.length > a + 2 ? Long.parseLong(args[a + 2]) : 1_500_000;
        boolean ok;
        try (JanusHost host = JanusHost.start()) {
            System.out.printf("janus pid %d, API %s, our side %s%n", host.pid(), host.api(), host.hostAddress().getHostAddress());
            ok = new JanusSmoke.Run(host, SyntheticConfig.audioVideo(videoBits, VIDEO_PACKETS_PER_SECOND)).go(meeting, count, seconds);
        }
        System.exit(ok ? 0 : 1);
    }

    /** One run: the legs it opened, measured together. */
    private static final class Run {
        private final JanusHost host;
        private final SyntheticConfig config;
        private final List<JanusPublisher> publishers = new ArrayList<>();
        private final List<JanusSubscriber> subscribers = new ArrayList<>();
        private final List<CountingSink> sinks = new ArrayList<>();
        private final List<WindowSink> windows = new ArrayList<>();

        Run(JanusHost host, SyntheticConfig config) {
            this.host = host;
            this.config = config;
        }

        boolean go(boolean meeting, int count, int seconds) throws Exception {
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "smoke-pacer");
                t.setDaemon(true);
                return t;
            });
            long room = 1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
            try (MediaClient media = new MediaClient(host.hostAddress(), TransportLimits.DEFAULTS);
                 JanusClient client = JanusClient.connect(host.api())) {
                JanusHandle admin = JanusClient.await(client.attach(JanusVideoRoom.PLUGIN));
                JanusClient.await(JanusVideoRoom.createRoom(admin, room, Math.max(4, count)));
                int publishing = meeting ? count : 1;
                for (int i = 0; i < publishing; i++) {
                    long t0 = System.nanoTime();
                    publishers.add(JanusPublisher.publish(client, media, room, "smoke-" + i, new SyntheticSource(config), pacer));
                    System.out.printf("publisher %d connected in %d ms%n", i + 1, (System.nanoTime() - t0) / 1_000_000);
                }
                if (meeting) {
                    // Each user plays every other user's feed.
                    for (int user = 0; user < count; user++) {
                        for (int feed = 0; feed < count; feed++) {
                            if (feed != user) {
                                subscribe(client, media, room, publishers.get(feed).feedId());
                            }
                        }
                    }
                } else {
                    for (int i = 0; i < count; i++) {
                        subscribe(client, media, room, publishers.get(0).feedId());
                    }
                }
                System.out.printf("%d subscriptions connected%n", subscribers.size());
                boolean ok = measure(seconds);
                for (JanusSubscriber s : subscribers) {
                    s.close();
                }
                for (JanusPublisher p : publishers) {
                    p.close();
                }
                JanusClient.await(admin.message(JanusVideoRoom.destroy(room), null));
                return ok;
            } finally {
                pacer.shutdownNow();
            }
        }

        private void subscribe(JanusClient client, MediaClient media, long room, long feed) throws JanusException {
            CountingSink sink = new CountingSink();
            WindowSink window = new WindowSink(sink);
            subscribers.add(JanusSubscriber.subscribe(client, media, room, feed, window));
            sinks.add(sink);
            windows.add(window);
        }

        private boolean measure(int seconds) throws Exception {
            Thread.sleep(WARM_UP_MILLIS);
            windows.forEach(WindowSink::open);
            long sent0 = sent();
            long recv0 = received();
            long cpu0 = ProcStat.read(host.pid()).cpuNanos();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            long cpu1 = ProcStat.read(host.pid()).cpuNanos();
            long t1 = System.nanoTime();
            long sent = sent() - sent0;
            long forwarded = received() - recv0;
            CountingSink.Snapshot all = CountingSink.Snapshot.empty();
            int silent = 0;
            for (CountingSink s : sinks) {
                CountingSink.Snapshot snap = s.snapshot();
                all = all.merge(snap);
                if (snap.packets() == 0) {
                    silent++;
                }
            }
            long failures = publishers.stream().mapToLong(JanusPublisher::sendFailures).sum();
            long keyframes = publishers.stream().mapToLong(JanusPublisher::keyframeRequests).sum();
            double wall = (t1 - t0) / 1e9;
            double cpu = (cpu1 - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "%d publishers, %d subscriptions, %.1f s: publishers sent %d packets (%.0f/s, %d send failures,"
                            + " %d PLI/FIR), subscribers received %d (%.0f/s), %d subscriptions got nothing%n",
                    publishers.size(), subscribers.size(), wall, sent, sent / wall, failures, keyframes, forwarded, forwarded / wall, silent);
            System.out.printf(Locale.ROOT, "loss %.3f %%, one-way delay through Janus p50 %d us, p99 %d us, max %d us (after the warm-up)%n",
                    all.lossRatio() * 100, all.p50Micros(), all.p99Micros(), all.maxMicros());
            System.out.printf(Locale.ROOT, "Janus CPU %.2f s in %.1f s (%.0f %% of one core): %.2f us per forwarded packet%n",
                    cpu, wall, 100 * cpu / wall, forwarded == 0 ? Double.NaN : (cpu1 - cpu0) / 1e3 / forwarded);
            return forwarded > 0 && silent == 0;
        }

        private long sent() {
            return publishers.stream().mapToLong(JanusPublisher::packetsSent).sum();
        }

        private long received() {
            long n = 0;
            for (CountingSink s : sinks) {
                n += s.snapshot().packets();
            }
            return n;
        }
    }
}
