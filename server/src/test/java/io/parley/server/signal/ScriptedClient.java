package io.parley.server.signal;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.MessageCodec;
import io.parley.protocol.ProtocolException;
import io.parley.protocol.Request;
import io.parley.protocol.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A scripted signaling client over a real WebSocket: sends requests through the protocol codec,
 * keeps every message it receives, lets a test wait for a response or an event, and keeps the room
 * view (users, streams) its events describe, as an SDK would.
 */
final class ScriptedClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long WAIT_MILLIS = 10_000;

    private final MessageCodec codec = new MessageCodec();
    private final List<JsonNode> inbox = new ArrayList<>();
    private final List<JsonNode> all = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, String> streams = new LinkedHashMap<>();
    private final WebSocket ws;
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean closed;
    private volatile String loggedInAs;
    private int duplicateAdds;

    ScriptedClient(int port) {
        ws = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new Listener()).join();
    }

    /** Sends a request; returns its id. */
    long send(Request r) {
        sendRaw(codec.encode(r));
        return r.id();
    }

    /** Sends one message split into WebSocket fragments (a text frame, then continuation frames). */
    void sendFragmented(String text, int pieces) {
        int step = (text.length() + pieces - 1) / pieces;
        for (int at = 0; at < text.length(); at += step) {
            ws.sendText(text.substring(at, Math.min(text.length(), at + step)), at + step >= text.length()).join();
        }
    }

    void sendRaw(String text) {
        ws.sendText(text, true).join();
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /** Sends a request and waits for its response. */
    JsonNode call(Request r) {
        return response(send(r));
    }

    JsonNode response(long id) {
        return take(m -> "response".equals(m.path("type").asText()) && m.path("id").asLong() == id, "response " + id);
    }

    /** Waits for (and consumes) the next event of this name. */
    JsonNode event(String name) {
        return take(m -> name.equals(m.path("event").asText()), "event " + name);
    }

    JsonNode event(String name, Predicate<JsonNode> match) {
        return take(m -> name.equals(m.path("event").asText()) && match.test(m), "event " + name);
    }

    /** Whether an event of this name arrives within {@code millis} (consuming it if so). */
    boolean sees(String name, long millis) {
        return poll(m -> name.equals(m.path("event").asText()), millis) != null;
    }

    /** Every message received so far, in order. */
    synchronized List<JsonNode> received() {
        return List.copyOf(all);
    }

    /** Forgets every message received so far (the view stays), for tests that receive floods. */
    synchronized void forget() {
        inbox.clear();
        all.clear();
    }

    synchronized Map<String, String> users() {
        return new LinkedHashMap<>(users);
    }

    synchronized Map<String, String> streams() {
        return new LinkedHashMap<>(streams);
    }

    /** ADD updates of a user or stream already in the view: an SDK would report a duplicate. */
    synchronized int duplicateAdds() {
        return duplicateAdds;
    }

    /** The userID of the last {@link #login}. */
    String loggedInAs() {
        return loggedInAs;
    }

    boolean isClosed() {
        return closed;
    }

    /** Drops the TCP connection without a close handshake, as a lost network does. */
    void abort() {
        ws.abort();
    }

    /** Logs in with a token; waits for the response. */
    JsonNode login(long appId, String roomId, String userId, String token, boolean userUpdates) {
        loggedInAs = userId;
        return call(new Request.Login(nextId(), appId, roomId, new User(userId, "name-" + userId),
                new Request.LoginConfig(userUpdates, 0), token, null, null));
    }

    /** Resumes a session on this connection with its session token; waits for the response. */
    JsonNode resume(long appId, String roomId, String userId, String sessionToken) {
        loggedInAs = userId;
        return call(new Request.Login(nextId(), appId, roomId, new User(userId, userId), new Request.LoginConfig(true, 0),
                null, null, sessionToken));
    }

    @Override
    public void close() {
        if (!closed) {
            ws.abort();
        }
    }

    private JsonNode take(Predicate<JsonNode> match, String what) {
        JsonNode m = poll(match, WAIT_MILLIS);
        if (m == null) {
            throw new AssertionError("no " + what + " within " + WAIT_MILLIS + " ms; received: " + received());
        }
        return m;
    }

    private synchronized JsonNode poll(Predicate<JsonNode> match, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            for (int i = 0; i < inbox.size(); i++) {
                if (match.test(inbox.get(i))) {
                    return inbox.remove(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private synchronized void receive(String text) {
        JsonNode m;
        try {
            m = codec.parseTree(text);
        } catch (ProtocolException e) {
            throw new AssertionError("server sent bad JSON: " + text, e);
        }
        all.add(m);
        inbox.add(m);
        track(m);
        notifyAll();
    }

    /** Applies user and stream updates to the view, the way an SDK keeps its lists. */
    private void track(JsonNode m) {
        String event = m.path("event").asText();
        boolean add = "ADD".equals(m.path("updateType").asText());
        if (event.equals("roomUserUpdate")) {
            for (JsonNode u : m.path("userList")) {
                if (add && users.put(u.path("userID").asText(), u.path("userName").asText()) != null) {
                    duplicateAdds++;
                } else if (!add) {
                    users.remove(u.path("userID").asText());
                }
            }
        } else if (event.equals("roomStreamUpdate")) {
            for (JsonNode s : m.path("streamList")) {
                if (add) {
                    if (streams.put(s.path("streamID").asText(), s.path("user").path("userID").asText()) != null) {
                        duplicateAdds++;
                    }
                } else {
                    streams.remove(s.path("streamID").asText());
                }
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                receive(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed = true;
            synchronized (ScriptedClient.this) {
                ScriptedClient.this.notifyAll();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed = true;
        }
    }
}
