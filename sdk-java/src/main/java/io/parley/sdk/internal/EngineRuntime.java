package io.parley.sdk.internal;

import io.parley.sdk.signal.SignalSockets;
import io.parley.transport.MediaClient;
import io.parley.transport.TransportLimits;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every engine of the JVM shares, so that hundreds of engines cost a few threads: a small
 * worker pool (engines' state and callbacks run on it through {@link SerialExecutor}s), a
 * scheduler for timers and media pacing, one event loop for the signaling WebSockets, and one
 * {@link MediaClient} per local address (its UDP ports share one event loop per core). Pool
 * threads are daemons; the media client's event loops are not, so it is closed when the last
 * engine is destroyed.
 */
public final class EngineRuntime {
    private static final EngineRuntime SHARED = new EngineRuntime();

    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final SignalSockets signaling = new SignalSockets();
    private final Map<InetAddress, MediaClient> mediaClients = new HashMap<>();
    /** As many as a server takes from one address at once (the transport's default per-address limit). */
    private final HandshakeGate handshakes = new HandshakeGate(TransportLimits.DEFAULTS.maxHandshakesPerAddress());
    private int engines;

    private EngineRuntime() {
        int cores = Runtime.getRuntime().availableProcessors();
        workers = Executors.newFixedThreadPool(Math.max(2, Math.min(8, cores)), daemons("parley-sdk-worker"));
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(2, daemons("parley-sdk-timer"));
        s.setRemoveOnCancelPolicy(true);
        scheduler = s;
    }

    /** The one runtime of this JVM. */
    public static EngineRuntime shared() {
        return SHARED;
    }

    public ExecutorService workers() {
        return workers;
    }

    /** Timers and media pacing; tasks on it must be short and never block. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Where every engine's signaling WebSocket is opened. */
    public SignalSockets signaling() {
        return signaling;
    }

    /** Where this JVM's media transports wait for their turn to connect. */
    public HandshakeGate handshakes() {
        return handshakes;
    }

    /** An engine was created. */
    public synchronized void retain() {
        engines++;
    }

    /** An engine was destroyed; the last one closes the media clients. */
    public synchronized void release() {
        engines--;
        if (engines <= 0) {
            engines = 0;
            mediaClients.values().forEach(MediaClient::close);
            mediaClients.clear();
        }
    }

    /**
     * The client's transport limits: a load generator starts hundreds of handshakes at once, and a
     * server lets only a few per address through at a time (the rest retransmit), so the client
     * allows many in progress and gives each longer than the server-side default. Handshake
     * threads are a pool that shrinks back when idle.
     */
    static final TransportLimits CLIENT_LIMITS = new TransportLimits(512, 512, 30_000, 45_000, 30_000, 8);

    /** The media client that sends from {@code local}, created on first use. */
    public synchronized MediaClient mediaClient(InetAddress local) {
        return mediaClients.computeIfAbsent(local, a -> new MediaClient(a, CLIENT_LIMITS));
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
