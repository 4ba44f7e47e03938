package io.parley.bench.load.targets;

import io.parley.bench.janus.JanusClient;
import io.parley.bench.janus.JanusException;
import io.parley.bench.janus.JanusHandle;
import io.parley.bench.janus.JanusHost;
import io.parley.bench.janus.JanusPublisher;
import io.parley.bench.janus.JanusSubscriber;
import io.parley.bench.janus.JanusVideoRoom;
import io.parley.bench.load.server.ServerProbe;
import io.parley.sdk.media.MediaSink;
import io.parley.sdk.media.MediaSource;
import io.parley.transport.MediaClient;
import io.parley.transport.TransportLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Janus's VideoRoom under the same load, on its own test host (bench/janus/janus-host.sh: a network
 * namespace with a veth pair), driven over its HTTP API by the adapter in {@code io.parley.bench.janus}.
 * A room of the load is a VideoRoom created on first use; a stream is a publisher's feed; a play is a
 * subscription to it. The adapter's calls block until media can flow, so they run on a pool of their
 * own and the load bounds how many are in flight. Janus has no login: joining a room only makes sure
 * the room exists.
 */
public final class JanusTarget implements LoadTarget {
    /** Publishers a VideoRoom admits: every user of a meeting may publish. */
    private static final int ROOM_PUBLISHERS = 1000;

    private final JanusHost host;
    private final JanusClient client;
    private final JanusHandle admin;
    private final MediaClient media;
    private final ScheduledExecutorService pacer;
    private final ExecutorService calls;
    private final ServerProbe probe;
    private final ConcurrentHashMap<String, CompletableFuture<Long>> rooms = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Long>> feeds = new ConcurrentHashMap<>();
    private final long roomBase = 1_000_000L + ThreadLocalRandom.current().nextInt(1_000_000) * 1000L;
    private final AtomicInteger nextRoom = new AtomicInteger();

    private JanusTarget(JanusHost host, JanusClient client, JanusHandle admin) {
        this.host = host;
        this.client = client;
        this.admin = admin;
        this.media = new MediaClient(host.hostAddress(), TransportLimits.DEFAULTS);
        this.pacer = Executors.newScheduledThreadPool(2, daemon("janus-load-pacer"));
        this.calls = Executors.newCachedThreadPool(daemon("janus-load-call"));
        this.probe = new ServerProbe(host.pid(), null, false, null);
    }

    /** Brings Janus's test host up and opens an API session on it; the caller closes the target. */
    public static JanusTarget start() throws JanusException {
        JanusHost host = JanusHost.start();
        JanusClient client = null;
        try {
            client = JanusClient.connect(host.api());
            JanusHandle admin = JanusClient.await(client.attach(JanusVideoRoom.PLUGIN));
            return new JanusTarget(host, client, admin);
        } catch (JanusException | RuntimeException e) {
            if (client != null) {
                client.close();
            }
            host.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "janus";
    }

    @Override
    public ServerProbe probe() {
        return probe;
    }

    @Override
    public LoadClient client(String userId) {
        return new RoomUser(userId);
    }

    /** Stops the media threads, the API session and Janus's test host; a failure to take the host down is thrown. */
    @Override
    public void close() {
        calls.shutdownNow();
        pacer.shutdownNow();
        media.close();
        client.close();
        try {
            host.close();
        } catch (JanusException e) {
            throw new IllegalStateException("Janus's test host did not come down: " + e.getMessage(), e);
        }
    }

    private CompletableFuture<Long> room(String roomId) {
        return rooms.computeIfAbsent(roomId, r -> {
            long id = roomBase + nextRoom.incrementAndGet();
            return JanusVideoRoom.createRoom(admin, id, ROOM_PUBLISHERS).thenApply(x -> id);
        });
    }

    private CompletableFuture<Long> feed(String streamId) {
        return feeds.computeIfAbsent(streamId, s -> new CompletableFuture<>());
    }

    private <T> CompletableFuture<T> blocking(JanusCall<T> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.run();
            } catch (JanusException e) {
                throw new CompletionException(e);
            }
        }, calls);
    }

    @FunctionalInterface
    private interface JanusCall<T> {
        T run() throws JanusException;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One user: its publishers and subscriptions, closed together. */
    private final class RoomUser implements LoadClient {
        private final String userId;
        private final List<AutoCloseable> open = new ArrayList<>();
        private volatile CompletableFuture<Long> room;

        RoomUser(String userId) {
            this.userId = userId;
        }

        @Override
        public CompletableFuture<?> login(String roomId) {
            room = room(roomId);
            return room;
        }

        @Override
        public CompletableFuture<?> publish(String streamId, MediaSource source) {
            CompletableFuture<Long> feed = feed(streamId);
            return joined().thenCompose(r -> blocking(() -> {
                JanusPublisher p = JanusPublisher.publish(client, media, r, userId + "/" + streamId, source, pacer);
                keep(p);
                feed.complete(p.feedId());
                return p;
            }));
        }

        @Override
        public CompletableFuture<?> play(String streamId, MediaSink sink) {
            return joined().thenCompose(r -> feed(streamId).thenCompose(f -> blocking(() -> {
                JanusSubscriber s = JanusSubscriber.subscribe(client, media, r, f, sink);
                keep(s);
                return s;
            })));
        }

        @Override
        public CompletableFuture<Void> close() {
            return CompletableFuture.runAsync(() -> {
                List<AutoCloseable> all;
                synchronized (open) {
                    all = new ArrayList<>(open);
                    open.clear();
                }
                for (AutoCloseable c : all) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        // Janus's host goes down with the target; a half-closed peer harms nothing.
                    }
                }
            }, calls);
        }

        private CompletableFuture<Long> joined() {
            CompletableFuture<Long> r = room;
            return r != null ? r : CompletableFuture.failedFuture(new IllegalStateException(userId + " has not joined a room"));
        }

        private void keep(AutoCloseable c) {
            synchronized (open) {
                open.add(c);
            }
        }
    }
}
