package io.parley.bench.janus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session of the Janus HTTP API (the REST transport, {@code POST /janus}, {@code /janus/<session>},
 * {@code /janus/<session>/<handle>}): creates it, attaches plugin handles, sends their messages,
 * and long-polls {@code GET /janus/<session>?maxev=N} for the events that answer asynchronous
 * requests (matched by transaction) and the spontaneous ones (webrtcup, media, hangup), routed
 * to their handle. A keepalive every 20 s holds the session past Janus's 60 s timeout.
 * Every client of a JVM shares a few platform daemon threads for HTTP and timers.
 */
public final class JanusClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JanusClient.class);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Janus holds a long poll for 30 s before it answers with a keepalive. */
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(40);
    private static final long KEEPALIVE_SECONDS = 20;
    private static final int MAX_EVENTS_PER_POLL = 16;
    private static final ExecutorService HTTP_THREADS = Executors.newFixedThreadPool(4, daemon("janus-http"));
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(daemon("janus-timer"));
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(HTTP_THREADS)
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    private final URI api;
    private final long sessionId;
    private final String txPrefix = Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final AtomicLong nextTx = new AtomicLong();
    private final Map<String, CompletableFuture<JanusReply>> pending = new ConcurrentHashMap<>();
    private final Map<Long, JanusHandle> handles = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> keepalive;
    private volatile boolean closed;
    /** Set once close begins, so that the long poll Janus ends with 404 on destroy is not retried. */
    private volatile boolean closing;
    private volatile String endReason = "closed";

    private JanusClient(URI api, long sessionId) {
        this.api = api;
        this.sessionId = sessionId;
        this.keepalive = TIMER.scheduleWithFixedDelay(this::keepalive, KEEPALIVE_SECONDS, KEEPALIVE_SECONDS, TimeUnit.SECONDS);
        poll();
    }

    /** Creates a session on Janus at {@code api} (e.g. http://10.213.0.2:8088/janus). */
    public static JanusClient connect(URI api) throws JanusException {
        ObjectNode create = JSON.createObjectNode().put("janus", "create")
                .put("transaction", "create-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        JanusReply r = await(post(api, create));
        if (!"success".equals(r.janus()) || r.dataId() == 0) {
            throw new JanusException(JanusException.BAD_REPLY, "create answered " + r.raw());
        }
        LOG.debug("Janus session {} on {}", r.dataId(), api);
        return new JanusClient(api, r.dataId());
    }

    public long sessionId() {
        return sessionId;
    }

    public URI api() {
        return api;
    }

    /** Attaches a handle to {@code plugin} (e.g. {@code janus.plugin.videoroom}). */
    public CompletableFuture<JanusHandle> attach(String plugin) {
        ObjectNode attach = JSON.createObjectNode().put("janus", "attach").put("plugin", plugin);
        return send(sessionUri(), attach).thenApply(r -> {
            if (!"success".equals(r.janus()) || r.dataId() == 0) {
                throw new CompletionException(new JanusException(JanusException.BAD_REPLY, "attach answered " + r.raw()));
            }
            JanusHandle h = new JanusHandle(this, r.dataId());
            handles.put(h.id(), h);
            return h;
        });
    }

    /**
     * Sends {@code body} with a fresh transaction and completes with the answer: the reply itself
     * when Janus answers at once (success), or the event with the same transaction when it acks
     * first. Fails with the {@link JanusException} Janus reported, or on timeout.
     */
    CompletableFuture<JanusReply> send(URI to, ObjectNode body) {
        return send(to, body, false);
    }

    /** As {@link #send(URI, ObjectNode)}; with {@code ackAnswers} an ack is the whole answer (trickle, keepalive). */
    CompletableFuture<JanusReply> send(URI to, ObjectNode body, boolean ackAnswers) {
        if (closed) {
            return CompletableFuture.failedFuture(new JanusException(JanusException.CLOSED, endReason));
        }
        String tx = txPrefix + "-" + nextTx.incrementAndGet();
        body.put("transaction", tx);
        // Registered before sending: the event may come back on the long poll before the ack does.
        CompletableFuture<JanusReply> event = new CompletableFuture<>();
        pending.put(tx, event);
        CompletableFuture<JanusReply> answer = post(to, body).thenCompose(r -> {
            if ("ack".equals(r.janus()) && !ackAnswers) {
                return event;
            }
            pending.remove(tx);
            return CompletableFuture.completedFuture(r);
        });
        return answer.orTimeout(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, e) -> pending.remove(tx))
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(translate(e, body)));
    }

    URI sessionUri() {
        return URI.create(api + "/" + sessionId);
    }

    URI handleUri(long handleId) {
        return URI.create(api + "/" + sessionId + "/" + handleId);
    }

    void forget(JanusHandle h) {
        handles.remove(h.id());
    }

    private static CompletableFuture<JanusReply> post(URI to, ObjectNode body) {
        HttpRequest req = HttpRequest.newBuilder(to).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofString()).thenApply(resp -> {
            try {
                if (resp.statusCode() != 200) {
                    throw new JanusException(JanusException.HTTP, "HTTP " + resp.statusCode() + " from " + to);
                }
                JanusReply r = JanusReply.parse(resp.body());
                if (r.isError()) {
                    throw r.error();
                }
                return r;
            } catch (JanusException e) {
                throw new CompletionException(e);
            }
        });
    }

    private void poll() {
        if (closing) {
            return;
        }
        URI uri = URI.create(sessionUri() + "?maxev=" + MAX_EVENTS_PER_POLL + "&rid=" + System.currentTimeMillis());
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(POLL_TIMEOUT).GET().build();
        HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((resp, e) -> {
            if (closing) {
                return;
            }
            if (e == null && resp.statusCode() == 404) {
                // Janus forgot the session (timed out, or Janus restarted): nothing more will come.
                LOG.warn("Janus no longer knows session {} (HTTP 404 on the long poll); its requests fail", sessionId);
                end("session " + sessionId + " is gone from Janus");
                return;
            }
            if (e != null || resp.statusCode() != 200) {
                LOG.warn("Janus long poll of session {} failed: {}; retrying in 1 s", sessionId,
                        e != null ? e.toString() : "HTTP " + resp.statusCode());
                TIMER.schedule(this::poll, 1, TimeUnit.SECONDS);
                return;
            }
            try {
                dispatch(JanusReply.parseAll(resp.body()));
            } catch (JanusException ex) {
                LOG.warn("Janus long poll of session {}: {}", sessionId, ex.getMessage());
            } catch (RuntimeException ex) {
                LOG.warn("Janus event handling failed in session " + sessionId, ex);
            }
            poll();
        });
    }

    /** Hands each polled message to the request it answers, or else to its handle. */
    void dispatch(List<JanusReply> replies) {
        for (JanusReply r : replies) {
            LOG.debug("Janus event: {}", r.raw());
            CompletableFuture<JanusReply> f = r.transaction() == null ? null : pending.get(r.transaction());
            if (f != null && !"ack".equals(r.janus())) {
                if (r.isError()) {
                    f.completeExceptionally(r.error());
                } else {
                    f.complete(r);
                }
                continue;
            }
            if ("keepalive".equals(r.janus())) {
                continue;
            }
            JanusHandle h = handles.get(r.sender());
            if (h != null) {
                h.deliver(r);
            } else if (r.sender() != 0) {
                LOG.debug("Janus event for a handle no longer here: {}", r.raw());
            }
        }
    }

    private void keepalive() {
        if (closed) {
            return;
        }
        send(sessionUri(), JSON.createObjectNode().put("janus", "keepalive"), true).whenComplete((r, e) -> {
            if (e != null) {
                LOG.warn("Janus keepalive of session {} failed: {}", sessionId, e.getMessage());
            }
        });
    }

    /** Destroys the session on Janus (which detaches its handles and hangs up their PeerConnections). */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        keepalive.cancel(false);
        try {
            send(sessionUri(), JSON.createObjectNode().put("janus", "destroy")).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Janus destroy of session {}: {}", sessionId, e.toString());
        }
        end("session " + sessionId + " closed");
    }

    /** No more requests: the pending ones fail, the handles hear null. */
    private void end(String why) {
        endReason = why;
        closing = true;
        closed = true;
        keepalive.cancel(false);
        JanusException gone = new JanusException(JanusException.CLOSED, why);
        pending.values().forEach(f -> f.completeExceptionally(gone));
        pending.clear();
        handles.values().forEach(h -> h.deliver(null));
        handles.clear();
    }

    /** Waits for a Janus answer and unwraps its failure into the {@link JanusException} it is. */
    public static <T> T await(CompletableFuture<T> f) throws JanusException {
        try {
            return f.get(REQUEST_TIMEOUT.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JanusException(JanusException.CLOSED, "interrupted while waiting for Janus");
        } catch (TimeoutException e) {
            throw new JanusException(JanusException.TIMEOUT, "no answer from Janus in time");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
                    ? e.getCause().getCause() : e.getCause();
            if (c instanceof JanusException je) {
                throw je;
            }
            throw new JanusException(JanusException.HTTP, String.valueOf(c), c);
        }
    }

    /** Waits for a request whose failure changes nothing (leaving, hanging up); logs it at debug. */
    static void awaitQuietly(CompletableFuture<?> f) {
        try {
            await(f);
        } catch (JanusException e) {
            LOG.debug("ignored: {}", e.getMessage());
        }
    }

    private static Throwable translate(Throwable e, ObjectNode body) {
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof JanusException) {
            return c;
        }
        if (c instanceof TimeoutException) {
            return new JanusException(JanusException.TIMEOUT, "no answer within " + REQUEST_TIMEOUT.toSeconds()
                    + " s to " + body.path("janus").asText() + " " + body.path("body"));
        }
        if (c instanceof IOException) {
            return new JanusException(JanusException.HTTP, c.toString(), c);
        }
        return c;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
