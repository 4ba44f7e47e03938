package io.parley.sdk.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.Request;
import io.parley.sdk.ExpressException;
import io.parley.sdk.RoomConfig;
import io.parley.sdk.RoomState;
import io.parley.sdk.RoomStateChangedReason;
import io.parley.sdk.UpdateType;
import io.parley.sdk.User;
import io.parley.sdk.signal.AppSignProver;
import io.parley.sdk.signal.ClientErrors;
import io.parley.sdk.signal.SignalingConnection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's session in one room over one signaling connection: login (token or AppSign proof),
 * the server's events as ZEGO's callbacks, and resuming the session after a lost socket
 * (docs/protocol.md "Reconnect": the session token, and the users and streams the app was told
 * of, so what was lost in flight is replayed). The engine's publishers and players hang off it
 * through {@link SessionListener}. Every method runs on the engine's loop.
 */
public final class RoomSession {
    private enum State { LOGGING_IN, LOGGED_IN, RECONNECTING, ENDED }

    private static final Logger LOG = LoggerFactory.getLogger(RoomSession.class);
    /** Over this many, the resume leaves the diff to the server (the protocol's cap). */
    private static final int MAX_KNOWN_IDS = 500;

    private final SessionContext ctx;
    private final String roomID;
    private final User user;
    private final RoomConfig config;
    private final SessionListener listener;
    private final Set<String> knownUserIDs = new LinkedHashSet<>();
    private final Set<String> knownStreamIDs = new LinkedHashSet<>();
    private State state = State.LOGGING_IN;
    private SignalingConnection conn;
    private String sessionToken;
    private int heartbeatIntervalSeconds = 10;
    private long reconnectStartedNanos;
    private int reconnectAttempt;
    private ScheduledFuture<?> reconnectTimer;

    public RoomSession(SessionContext ctx, String roomID, User user, RoomConfig config, SessionListener listener) {
        this.ctx = ctx;
        this.roomID = roomID;
        this.user = user;
        this.config = config;
        this.listener = listener;
    }

    public String roomID() {
        return roomID;
    }

    public User user() {
        return user;
    }

    public boolean loggedIn() {
        return state == State.LOGGED_IN;
    }

    public boolean reconnecting() {
        return state == State.RECONNECTING;
    }

    public boolean ended() {
        return state == State.ENDED;
    }

    /**
     * Logs in: CONNECTING (LOGINING), then CONNECTED (LOGINED) or DISCONNECTED (LOGIN_FAILED).
     * Completes with roomStateUpdate's extendedData, or fails with the refusal's code.
     */
    public CompletableFuture<String> login() {
        emitState(RoomStateChangedReason.LOGINING, 0, "{}");
        CompletableFuture<String> result = new CompletableFuture<>();
        SignalingConnection[] opened = new SignalingConnection[1];
        SignalingConnection.open(ctx.sockets(), ctx.signalingUri(), ctx.loop(), ctx.timers(), ctx.requestTimeoutMillis())
                .thenCompose(c -> {
                    opened[0] = c;
                    checkStillLoggingIn();
                    conn = c;
                    CompletableFuture<JsonNode> hello = c.request(Request.Hello::new, ctx.requestTimeoutMillis(),
                            ClientErrors.LOGIN_TIMEOUT);
                    hello.thenAccept(h -> {
                        int interval = h.path("heartbeatIntervalSeconds").asInt(0);
                        if (interval > 0) {
                            heartbeatIntervalSeconds = interval;
                        }
                    });
                    CompletableFuture<JsonNode> login;
                    if (config.token() == null || config.token().isEmpty()) {
                        // The AppSign proof signs the hello's nonce: it has to wait for the answer.
                        login = hello.thenCompose(h -> {
                            checkStillLoggingIn();
                            String proof = AppSignProver.prove(ctx.appSign(), ctx.appID(), user.userID(), roomID,
                                    h.path("nonce").asText());
                            return c.request(id -> loginRequest(id, null, proof, null), ctx.requestTimeoutMillis(),
                                    ClientErrors.LOGIN_TIMEOUT);
                        });
                    } else {
                        // A token needs no nonce: the login follows the hello at once, saving a round trip.
                        // The server answers in order, so the hello's heartbeat interval is known before
                        // the login's answer is handled.
                        login = c.request(id -> loginRequest(id, config.token(), null, null), ctx.requestTimeoutMillis(),
                                ClientErrors.LOGIN_TIMEOUT).thenCombine(hello, (response, h) -> response);
                    }
                    return login
                            .thenApply(response -> {
                                checkStillLoggingIn();
                                String extendedData = loggedInAs(c, response);
                                emitState(RoomStateChangedReason.LOGINED, 0, extendedData);
                                c.setListener(connectionListener());
                                return extendedData;
                            });
                })
                .whenComplete((extendedData, error) -> {
                    if (error == null) {
                        result.complete(extendedData);
                        return;
                    }
                    ExpressException e = express(error, ClientErrors.LOGIN_NETWORK);
                    if (e.errorCode() == ErrorCode.CONNECTION_INTERRUPTED.code()) {
                        e = new ExpressException(ClientErrors.LOGIN_NETWORK, e.getMessage());
                    }
                    if (opened[0] != null) {
                        opened[0].close();
                    }
                    if (conn == opened[0]) {
                        conn = null;
                    }
                    if (state == State.LOGGING_IN) {
                        state = State.ENDED;
                        emitState(RoomStateChangedReason.LOGIN_FAILED, e.errorCode(), "{}");
                    }
                    result.completeExceptionally(e);
                });
        return result;
    }

    private void checkStillLoggingIn() {
        if (state != State.LOGGING_IN) {
            throw new ExpressException(ClientErrors.LOGIN_NETWORK, "logged out while logging in");
        }
    }

    private Request loginRequest(long id, String token, String proof, String resumeToken) {
        List<String> users = null;
        List<String> streams = null;
        if (resumeToken != null) {
            users = config.isUserStatusNotify() && knownUserIDs.size() <= MAX_KNOWN_IDS ? new ArrayList<>(knownUserIDs) : null;
            streams = knownStreamIDs.size() <= MAX_KNOWN_IDS ? new ArrayList<>(knownStreamIDs) : null;
        }
        return new Request.Login(id, ctx.appID(), roomID, new io.parley.protocol.User(user.userID(), user.userName()),
                new Request.LoginConfig(config.isUserStatusNotify(), config.maxMemberCount()), token, proof, resumeToken,
                users, streams);
    }

    /** Takes over a connection whose login or resume succeeded; returns roomStateUpdate's extendedData. */
    private String loggedInAs(SignalingConnection c, JsonNode response) {
        state = State.LOGGED_IN;
        conn = c;
        sessionToken = response.path("sessionToken").asText(sessionToken);
        c.startHeartbeat(heartbeatIntervalSeconds);
        return "{\"room_session_id\":\"" + response.path("roomSessionID").asText("") + "\"}";
    }

    private SignalingConnection.Listener connectionListener() {
        return new SignalingConnection.Listener() {
            @Override
            public void onEvent(JsonNode event) {
                RoomSession.this.onEvent(event);
            }

            @Override
            public void onLost(String reason) {
                RoomSession.this.onLost(reason);
            }
        };
    }

    /** Sends a request of the logged-in session; fails with 1002051 while reconnecting, 1000002 when not logged in. */
    public CompletableFuture<JsonNode> request(LongFunction<Request> build) {
        if (state != State.LOGGED_IN || conn == null) {
            int code = state == State.RECONNECTING ? ErrorCode.CONNECTION_INTERRUPTED.code() : ErrorCode.NOT_LOGGED_IN.code();
            return CompletableFuture.failedFuture(new ExpressException(code, "not logged in to room " + roomID));
        }
        return conn.request(build, ctx.requestTimeoutMillis(), ErrorCode.CONNECTION_INTERRUPTED.code());
    }

    /** Logs out (the server stops the session's streams), closes the connection: DISCONNECTED (LOGOUT). */
    public CompletableFuture<Void> logout() {
        boolean wasLoggedIn = state == State.LOGGED_IN;
        SignalingConnection c = conn;
        end(0);
        CompletableFuture<JsonNode> sent = wasLoggedIn && c != null
                ? c.request(Request.Logout::new, ctx.requestTimeoutMillis(), ErrorCode.CONNECTION_INTERRUPTED.code())
                : CompletableFuture.completedFuture(null);
        return sent.handle((r, e) -> {
            // The server ends the session when the socket goes anyway.
            if (c != null) {
                c.close();
            }
            emitState(RoomStateChangedReason.LOGOUT, 0, "{}");
            return null;
        });
    }

    /** Ends the session at once, without a word to the server or the app (destroyEngine after logout). */
    public void close() {
        SignalingConnection c = conn;
        end(0);
        if (c != null) {
            c.close();
        }
    }

    private void end(int errorCode) {
        if (state == State.ENDED) {
            return;
        }
        state = State.ENDED;
        if (reconnectTimer != null) {
            reconnectTimer.cancel(false);
        }
        conn = null;
        listener.onEnded(errorCode);
    }

    private void onLost(String why) {
        if (state != State.LOGGED_IN) {
            return;
        }
        LOG.info("room {} user {}: signaling lost ({}), resuming", roomID, user.userID(), why);
        state = State.RECONNECTING;
        conn = null;
        reconnectStartedNanos = System.nanoTime();
        reconnectAttempt = 0;
        emitState(RoomStateChangedReason.RECONNECTING, ErrorCode.CONNECTION_INTERRUPTED.code(),
                "{\"message\":" + quote(why) + "}");
        listener.onReconnecting();
        tryResume();
    }

    private void tryResume() {
        if (state != State.RECONNECTING) {
            return;
        }
        SignalingConnection.open(ctx.sockets(), ctx.signalingUri(), ctx.loop(), ctx.timers(), ctx.requestTimeoutMillis())
                .thenCompose(c -> {
                    if (state != State.RECONNECTING) {
                        c.close();
                        return CompletableFuture.completedFuture(null);
                    }
                    return c.request(id -> loginRequest(id, null, null, sessionToken), ctx.requestTimeoutMillis(),
                                    ClientErrors.LOGIN_TIMEOUT)
                            .whenComplete((r, e) -> {
                                if (e != null || state != State.RECONNECTING) {
                                    c.close();
                                    return;
                                }
                                String extendedData = loggedInAs(c, r);
                                emitState(RoomStateChangedReason.RECONNECTED, 0, extendedData);
                                listener.onResumed();
                                c.setListener(connectionListener());
                            });
                })
                .whenComplete((r, error) -> {
                    if (error != null) {
                        resumeFailed(express(error, ClientErrors.LOGIN_NETWORK));
                    }
                });
    }

    private void resumeFailed(ExpressException e) {
        if (state != State.RECONNECTING) {
            return;
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - reconnectStartedNanos);
        boolean transport = e.errorCode() == ClientErrors.LOGIN_NETWORK || e.errorCode() == ClientErrors.LOGIN_TIMEOUT
                || e.errorCode() == ErrorCode.CONNECTION_INTERRUPTED.code();
        if (!transport || elapsed >= ctx.reconnectTimeoutMillis()) {
            LOG.info("room {} user {}: resume gave up ({})", roomID, user.userID(), e.getMessage());
            end(ErrorCode.RECONNECT_FAILED.code());
            emitState(RoomStateChangedReason.RECONNECT_FAILED, ErrorCode.RECONNECT_FAILED.code(),
                    "{\"cause\":" + e.errorCode() + "}");
            return;
        }
        long backoff = ctx.backoffFirstMillis() << Math.min(reconnectAttempt++, 16);
        long delay = Math.max(0, Math.min(Math.min(ctx.backoffMaxMillis(), backoff), ctx.reconnectTimeoutMillis() - elapsed));
        reconnectTimer = ctx.timers().schedule(() -> ctx.loop().execute(this::tryResume), delay, TimeUnit.MILLISECONDS);
    }

    private void emitState(RoomStateChangedReason reason, int errorCode, String extendedData) {
        RoomState roomState = reason.state();
        ctx.callbacks().post(h -> h.onRoomStateUpdate(roomID, roomState, errorCode, extendedData));
        ctx.callbacks().post(h -> h.onRoomStateChanged(roomID, reason, errorCode, extendedData));
    }

    /** The server's events as ZEGO's callbacks. */
    private void onEvent(JsonNode e) {
        if (state != State.LOGGED_IN) {
            return;
        }
        String room = e.path("roomID").asText(roomID);
        switch (e.path("event").asText()) {
            case "roomUserUpdate" -> {
                UpdateType type = UpdateType.of(e.path("updateType").asText());
                var users = EventReader.users(e.path("userList"));
                users.forEach(u -> track(knownUserIDs, type, u.userID()));
                ctx.callbacks().post(h -> h.onRoomUserUpdate(room, type, users));
            }
            case "roomStreamUpdate" -> {
                UpdateType type = UpdateType.of(e.path("updateType").asText());
                var streams = EventReader.streams(e.path("streamList"));
                streams.forEach(s -> track(knownStreamIDs, type, s.streamID()));
                String extended = e.path("extendedData").isObject() ? e.path("extendedData").toString() : "{}";
                ctx.callbacks().post(h -> h.onRoomStreamUpdate(room, type, streams, extended));
            }
            case "roomStreamExtraInfoUpdate" -> {
                var streams = EventReader.streams(e.path("streamList"));
                ctx.callbacks().post(h -> h.onRoomStreamExtraInfoUpdate(room, streams));
            }
            case "roomExtraInfoUpdate" -> {
                var infos = EventReader.roomExtraInfos(e.path("roomExtraInfoList"));
                ctx.callbacks().post(h -> h.onRoomExtraInfoUpdate(room, infos));
            }
            case "IMRecvBroadcastMessage" -> {
                var messages = EventReader.broadcasts(e.path("messageList"));
                ctx.callbacks().post(h -> h.onIMRecvBroadcastMessage(room, messages));
            }
            case "IMRecvBarrageMessage" -> {
                var messages = EventReader.barrages(e.path("messageList"));
                ctx.callbacks().post(h -> h.onIMRecvBarrageMessage(room, messages));
            }
            case "IMRecvCustomCommand" -> {
                User from = EventReader.user(e.path("fromUser"));
                String command = e.path("command").asText("");
                ctx.callbacks().post(h -> h.onIMRecvCustomCommand(room, from, command));
            }
            case "roomOnlineUserCountUpdate" -> {
                int count = e.path("count").asInt();
                ctx.callbacks().post(h -> h.onRoomOnlineUserCountUpdate(room, count));
            }
            case "roomTokenWillExpire" -> {
                int remain = e.path("remainTimeInSecond").asInt();
                ctx.callbacks().post(h -> h.onRoomTokenWillExpire(room, remain));
            }
            case "kickedOut" -> {
                int code = e.path("errorCode").asInt();
                SignalingConnection c = conn;
                end(code);
                if (c != null) {
                    c.close();
                }
                emitState(RoomStateChangedReason.KICKOUT, code, "{\"reason\":" + quote(e.path("reason").asText("")) + "}");
            }
            default -> listener.onMediaEvent(e);
        }
    }

    private static void track(Set<String> known, UpdateType type, String id) {
        if (type == UpdateType.DELETE) {
            known.remove(id);
        } else {
            known.add(id);
        }
    }

    private static String quote(String s) {
        return io.parley.sdk.internal.Json.quote(s);
    }

    /** The ExpressException inside a future's failure, or one with {@code fallbackCode}. */
    public static ExpressException express(Throwable error, int fallbackCode) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof ExpressException x ? x : new ExpressException(fallbackCode, String.valueOf(t.getMessage()));
    }
}
