package io.parley.sdk.signal;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.MessageCodec;
import io.parley.protocol.ProtocolException;
import io.parley.protocol.Request;
import io.parley.sdk.ExpressException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One signaling WebSocket (docs/protocol.md): requests with increasing ids and one response each,
 * events pushed by the server, heartbeats both ways. It reports the loss of the socket once,
 * through {@link Listener#onLost}, and never reconnects by itself (the room session does).
 * Everything but the socket's own reading runs on the engine's serial executor {@code loop}, so
 * the connection needs no lock. Events that come before a listener is set are held, so a login's
 * response is handled before the events that follow it.
 */
public final class SignalingConnection {
    /** What the owner hears, on the loop. */
    public interface Listener {
        /** A server event other than the heartbeat. */
        void onEvent(JsonNode event);

        /** The socket closed, failed or went silent; pending requests have failed with 1002051. */
        void onLost(String reason);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SignalingConnection.class);
    private static final MessageCodec CODEC = new MessageCodec();

    private final Executor loop;
    private final ScheduledExecutorService timers;
    private final Map<Long, Pending> pending = new HashMap<>();
    private List<JsonNode> held = new ArrayList<>();
    private Listener listener;
    private SignalSocket socket;
    private long nextId = 1;
    private long lastHeardNanos = System.nanoTime();
    private long silenceNanos = TimeUnit.SECONDS.toNanos(30);
    private ScheduledFuture<?> heartbeat;
    private boolean closed;

    private record Pending(CompletableFuture<JsonNode> result, ScheduledFuture<?> timeout) {
    }

    private SignalingConnection(Executor loop, ScheduledExecutorService timers) {
        this.loop = loop;
        this.timers = timers;
    }

    /**
     * Opens a socket to {@code uri}; completes on {@code loop}, or fails with 1002030 when it cannot
     * connect within {@code timeoutMillis}.
     */
    public static CompletableFuture<SignalingConnection> open(SignalSockets sockets, URI uri, Executor loop,
                                                              ScheduledExecutorService timers, long timeoutMillis) {
        SignalingConnection conn = new SignalingConnection(loop, timers);
        CompletableFuture<SignalingConnection> result = new CompletableFuture<>();
        sockets.open(uri, (int) Math.min(Integer.MAX_VALUE, timeoutMillis), conn.new Reader())
                .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .whenComplete((ws, error) -> loop.execute(() -> {
                    if (error != null) {
                        result.completeExceptionally(new ExpressException(ClientErrors.LOGIN_NETWORK,
                                "cannot open a WebSocket to " + uri + ": " + rootMessage(error)));
                        return;
                    }
                    conn.socket = ws;
                    conn.lastHeardNanos = System.nanoTime();
                    result.complete(conn);
                }));
        return result;
    }

    /**
     * Sends the request {@code build} makes with the next id. Completes with the response when its
     * code is 0, else fails with an {@link ExpressException} carrying the code; after
     * {@code timeoutMillis} without an answer it fails with {@code timeoutCode}. Call on the loop.
     */
    public CompletableFuture<JsonNode> request(LongFunction<Request> build, long timeoutMillis, int timeoutCode) {
        if (closed || socket == null) {
            return CompletableFuture.failedFuture(new ExpressException(ErrorCode.CONNECTION_INTERRUPTED.code(),
                    "the signaling connection is closed"));
        }
        long id = nextId++;
        Request request = build.apply(id);
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        ScheduledFuture<?> timeout = timers.schedule(() -> loop.execute(() -> {
            Pending p = pending.remove(id);
            if (p != null) {
                p.result.completeExceptionally(new ExpressException(timeoutCode,
                        "no response to '" + request.type() + "' in " + timeoutMillis + " ms"));
            }
        }), timeoutMillis, TimeUnit.MILLISECONDS);
        pending.put(id, new Pending(result, timeout));
        send(CODEC.encode(request));
        return result;
    }

    /** Sets where events go and hands over those that came before. Call on the loop. */
    public void setListener(Listener listener) {
        this.listener = listener;
        List<JsonNode> before = held;
        held = null;
        if (before != null) {
            before.forEach(listener::onEvent);
        }
    }

    /**
     * Sends a heartbeat every {@code intervalSeconds}; hearing nothing for three intervals counts as
     * a lost socket (docs/protocol.md "Heartbeats"). Call on the loop.
     */
    public void startHeartbeat(int intervalSeconds) {
        silenceNanos = TimeUnit.SECONDS.toNanos(3L * intervalSeconds);
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        heartbeat = timers.scheduleAtFixedRate(() -> loop.execute(this::beat), intervalSeconds, intervalSeconds,
                TimeUnit.SECONDS);
    }

    private void beat() {
        if (closed) {
            return;
        }
        if (System.nanoTime() - lastHeardNanos > silenceNanos) {
            lose("nothing heard for " + TimeUnit.NANOSECONDS.toMillis(silenceNanos) + " ms");
            socket.abort();
            return;
        }
        // A missing answer shows as silence; the failure itself needs no handling.
        request(Request.Heartbeat::new, TimeUnit.NANOSECONDS.toMillis(silenceNanos),
                ErrorCode.CONNECTION_INTERRUPTED.code()).exceptionally(e -> null);
    }

    /** Closes the socket without reporting it lost; pending requests fail with 1002051. Call on the loop. */
    public void close() {
        if (closed) {
            return;
        }
        shutDown("closed by the client");
        SignalSocket ws = socket;
        if (ws != null) {
            ws.close(1000, "bye");
        }
    }

    private void send(String text) {
        socket.send(text);
    }

    private void receive(String text) {
        if (closed) {
            return;
        }
        lastHeardNanos = System.nanoTime();
        JsonNode msg;
        try {
            msg = CODEC.parseTree(text);
        } catch (ProtocolException e) {
            LOG.warn("a server frame that is not a JSON object was ignored: {}", e.getMessage());
            return;
        }
        String type = msg.path("type").asText();
        if ("response".equals(type)) {
            Pending p = pending.remove(msg.path("id").asLong(-1));
            if (p == null) {
                return;
            }
            p.timeout.cancel(false);
            int code = msg.path("code").asInt(ErrorCode.MALFORMED_MESSAGE.code());
            if (code == 0) {
                p.result.complete(msg);
            } else {
                p.result.completeExceptionally(new ExpressException(code, msg.path("message").asText("")));
            }
        } else if ("event".equals(type) && msg.path("event").isTextual()) {
            if ("heartbeat".equals(msg.path("event").asText())) {
                return;
            }
            if (held != null) {
                held.add(msg);
            } else {
                listener.onEvent(msg);
            }
        }
    }

    private void lose(String reason) {
        if (closed) {
            return;
        }
        shutDown(reason);
        if (listener != null) {
            listener.onLost(reason);
        }
    }

    private void shutDown(String reason) {
        closed = true;
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        for (Pending p : pending.values()) {
            p.timeout.cancel(false);
            p.result.completeExceptionally(new ExpressException(ErrorCode.CONNECTION_INTERRUPTED.code(), reason));
        }
        pending.clear();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Hears the socket on the shared event loop and hands whole messages, and its end, to the loop. */
    private final class Reader implements SignalSocket.Listener {
        @Override
        public void onText(String text) {
            loop.execute(() -> receive(text));
        }

        @Override
        public void onGone(String reason) {
            loop.execute(() -> lose(reason));
        }
    }
}
