package io.parley.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.Limits;
import io.parley.protocol.ProtocolException;
import io.parley.protocol.Request;
import io.parley.sdk.internal.Callbacks;
import io.parley.sdk.internal.EngineRuntime;
import io.parley.sdk.internal.SerialExecutor;
import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.MediaSink;
import io.parley.sdk.media.MediaSource;
import io.parley.sdk.rtc.LocalAddress;
import io.parley.sdk.rtc.MediaContext;
import io.parley.sdk.rtc.Playing;
import io.parley.sdk.rtc.Publishing;
import io.parley.sdk.session.RoomSession;
import io.parley.sdk.session.SessionContext;
import io.parley.sdk.session.SessionListener;
import io.parley.sdk.signal.ClientErrors;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The Java SDK's engine (ZEGO's ZegoExpressEngine, native Java shape): one user in one room,
 * publishing and playing streams through a Parley server. Many engines may live in one JVM; they
 * share a few threads ({@link EngineRuntime}). Every call may be made from any thread; calls that
 * wait return futures that complete exceptionally with {@link ExpressException} carrying ZEGO's
 * code. Futures complete on the engine's callback thread, in order with the events.
 */
public final class ExpressEngine {
    private static final AtomicInteger ENGINES = new AtomicInteger();
    /** Queued tasks per engine before calls are refused: far more than any app sends at once. */
    private static final int QUEUE = 100_000;

    private final EngineProfile profile;
    private final EngineRuntime runtime = EngineRuntime.shared();
    private final SerialExecutor loop;
    private final Callbacks callbacks;
    private final SessionContext sessionContext;
    private final MediaContext mediaContext;
    private RoomSession room;
    private Publishing publishing;
    private Playing playing;
    private boolean destroyed;

    private ExpressEngine(EngineProfile profile, EventHandler handler, EngineOptions options) {
        this.profile = profile;
        int n = ENGINES.incrementAndGet();
        loop = new SerialExecutor(runtime.workers(), "parley-engine-" + n, QUEUE);
        callbacks = new Callbacks(handler, new SerialExecutor(runtime.workers(), "parley-callbacks-" + n, QUEUE));
        URI server = profile.server();
        String scheme = "https".equalsIgnoreCase(server.getScheme()) ? "wss" : "ws";
        URI ws = URI.create(scheme + "://" + server.getRawAuthority() + "/ws");
        sessionContext = new SessionContext(profile.appID(), profile.appSign(), ws, runtime.signaling(), loop,
                runtime.scheduler(), callbacks, options.requestTimeoutMillis(), options.reconnectTimeoutMillis(),
                options.backoffFirstMillis(), options.backoffMaxMillis());
        Supplier<io.parley.transport.MediaClient> client = new Supplier<>() {
            private InetAddress local;

            @Override
            public io.parley.transport.MediaClient get() {
                if (local == null) {
                    local = LocalAddress.toward(server);
                }
                return runtime.mediaClient(local);
            }
        };
        mediaContext = new MediaContext(client, runtime.scheduler(), loop, callbacks, options.connectTimeoutMillis(),
                runtime.handshakes());
        runtime.retain();
    }

    /** A new engine; events go to {@code handler} on the engine's callback thread. */
    public static ExpressEngine createEngine(EngineProfile profile, EventHandler handler) {
        return createEngine(profile, handler, EngineOptions.DEFAULT);
    }

    /** A new engine with timings other than the defaults (tests, load generators). */
    public static ExpressEngine createEngine(EngineProfile profile, EventHandler handler, EngineOptions options) {
        Objects.requireNonNull(profile, "profile");
        if (profile.appSign() != null && !profile.appSign().matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("appSign must be 64 hex digits");
        }
        return new ExpressEngine(profile, handler, options);
    }

    /** Logs in with {@code config.token()}, else with the profile's AppSign; completes when the room is CONNECTED. */
    public CompletableFuture<Void> loginRoom(String roomID, User user, RoomConfig config) {
        RoomConfig c = config == null ? new RoomConfig() : config;
        return call(() -> {
            Objects.requireNonNull(user, "user");
            User named = new User(user.userID(), user.userName() == null ? user.userID() : user.userName());
            check(() -> {
                Limits.checkRoomId(roomID);
                Limits.checkUserId(named.userID());
                Limits.checkUserName(named.userName());
            });
            boolean hasToken = c.token() != null && !c.token().isEmpty();
            if (!hasToken && profile.appSign() == null) {
                throw new ExpressException(ErrorCode.NO_CREDENTIALS.code(), "neither a token nor an AppSign was given");
            }
            if (room != null && !room.ended()) {
                throw new ExpressException(ErrorCode.TOO_MANY_ROOMS.code(), "already in room " + room.roomID() + ": log out first");
            }
            RoomSession session = new RoomSession(sessionContext, roomID, named, c, new Listener());
            room = session;
            publishing = new Publishing(mediaContext, session);
            playing = new Playing(mediaContext, session);
            return session.login().thenApply(x -> null);
        });
    }

    /** Leaves the room, stopping every publish and play: DISCONNECTED (LOGOUT). */
    public CompletableFuture<Void> logoutRoom() {
        return call(() -> {
            RoomSession r = room;
            if (r == null || r.ended()) {
                return CompletableFuture.completedFuture(null);
            }
            return r.logout();
        });
    }

    /** Leaves {@code roomID} if it is the engine's room (ZEGO's logoutRoom(roomID)). */
    public CompletableFuture<Void> logoutRoom(String roomID) {
        return call(() -> room == null || !room.roomID().equals(roomID) ? CompletableFuture.completedFuture(null)
                : room.logout());
    }

    /** Publishes {@code source} as {@code streamID}; completes when the media transport is connected and the source runs. */
    public CompletableFuture<Void> startPublishingStream(String streamID, MediaSource source) {
        return startPublishingStream(streamID, source, "");
    }

    /** Publishes with the stream's first extra info (ZEGO keeps the one set before publishing). */
    public CompletableFuture<Void> startPublishingStream(String streamID, MediaSource source, String extraInfo) {
        return call(() -> {
            Objects.requireNonNull(source, "source");
            check(() -> {
                Limits.checkStreamId(streamID);
                Limits.checkStreamExtraInfo(extraInfo == null ? "" : extraInfo);
            });
            return loggedIn().publish(streamID, source, extraInfo == null ? "" : extraInfo);
        });
    }

    /** Stops publishing {@code streamID} and stops its source; the room hears DELETE with reason 1. */
    public CompletableFuture<Void> stopPublishingStream(String streamID) {
        return call(() -> loggedIn().unpublish(streamID));
    }

    /** Plays {@code streamID} into {@code sink}, now or once it is published; completes when the server accepts the play. */
    public CompletableFuture<Void> startPlayingStream(String streamID, MediaSink sink) {
        return call(() -> {
            Objects.requireNonNull(sink, "sink");
            check(() -> Limits.checkStreamId(streamID));
            loggedIn();
            return playing.play(streamID, sink);
        });
    }

    /** Stops playing {@code streamID}; the sink is closed. */
    public CompletableFuture<Void> stopPlayingStream(String streamID) {
        return call(() -> playing == null ? CompletableFuture.completedFuture(null) : playing.stop(streamID));
    }

    /** Sets the extra info of a stream this engine publishes; the others get onRoomStreamExtraInfoUpdate. */
    public CompletableFuture<Void> setStreamExtraInfo(String streamID, String extraInfo) {
        return call(() -> {
            check(() -> {
                Limits.checkStreamId(streamID);
                Limits.checkStreamExtraInfo(extraInfo);
            });
            return loggedIn().setExtraInfo(streamID, extraInfo);
        });
    }

    /** Sets one key of the room's extra info; the others get onRoomExtraInfoUpdate. */
    public CompletableFuture<Void> setRoomExtraInfo(String roomID, String key, String value) {
        return call(() -> {
            check(() -> Limits.checkRoomExtraInfo(key, value));
            return roomRequest(roomID, id -> new Request.SetRoomExtraInfo(id, key, value)).thenApply(r -> null);
        });
    }

    /** Sends a broadcast message to the room's other users; completes with its messageID. */
    public CompletableFuture<Long> sendBroadcastMessage(String roomID, String message) {
        return call(() -> {
            check(() -> Limits.checkMessage(message));
            return roomRequest(roomID, id -> new Request.Broadcast(id, message)).thenApply(r -> r.path("messageID").asLong());
        });
    }

    /** Sends a barrage message to the room's other users; completes with its messageID (a string, as ZEGO's). */
    public CompletableFuture<String> sendBarrageMessage(String roomID, String message) {
        return call(() -> {
            check(() -> Limits.checkMessage(message));
            return roomRequest(roomID, id -> new Request.Barrage(id, message)).thenApply(r -> r.path("messageID").asText());
        });
    }

    /** Sends a command to {@code toUsers}, or to every other user of the room when the list is empty. */
    public CompletableFuture<Void> sendCustomCommand(String roomID, String command, List<User> toUsers) {
        return call(() -> {
            List<String> ids = toUsers == null ? List.of() : toUsers.stream().map(User::userID).toList();
            check(() -> {
                Limits.checkMessage(command);
                for (String id : ids) {
                    Limits.checkUserId(id);
                }
            });
            if (ids.size() > Limits.COMMAND_RECIPIENTS) {
                throw new ExpressException(ErrorCode.INVALID_FIELD.code(), "at most " + Limits.COMMAND_RECIPIENTS + " users per command");
            }
            return roomRequest(roomID, id -> new Request.CustomCommand(id, command, ids)).thenApply(r -> null);
        });
    }

    /** Replaces the login's token before it expires (after onRoomTokenWillExpire). */
    public CompletableFuture<Void> renewToken(String roomID, String token) {
        return call(() -> {
            if (token == null || token.isEmpty() || token.length() > Limits.CREDENTIAL_BYTES) {
                throw new ExpressException(ErrorCode.TOKEN_BAD_FORMAT.code(), "the token is empty or too long");
            }
            return roomRequest(roomID, id -> new Request.RenewToken(id, token)).thenApply(r -> null);
        });
    }

    /** Stops (true) or resumes sending the audio of the engine's published streams; the stream stays published. */
    public void mutePublishStreamAudio(boolean mute) {
        execute(() -> {
            if (publishing != null) {
                publishing.mute(MediaKind.AUDIO, mute);
            }
        });
    }

    /** Stops (true) or resumes sending the video of the engine's published streams. */
    public void mutePublishStreamVideo(boolean mute) {
        execute(() -> {
            if (publishing != null) {
                publishing.mute(MediaKind.VIDEO, mute);
            }
        });
    }

    /** Stops (true) or resumes handing a played stream's audio to its sink; the play goes on. */
    public void mutePlayStreamAudio(String streamID, boolean mute) {
        execute(() -> {
            if (playing != null) {
                playing.mute(streamID, MediaKind.AUDIO, mute);
            }
        });
    }

    /** Stops (true) or resumes handing a played stream's video to its sink. */
    public void mutePlayStreamVideo(String streamID, boolean mute) {
        execute(() -> {
            if (playing != null) {
                playing.mute(streamID, MediaKind.VIDEO, mute);
            }
        });
    }

    /** Logs out if needed and lets go of the engine's connections; its threads are shared and stay. */
    public CompletableFuture<Void> destroyEngine() {
        CompletableFuture<Void> done = call(() -> {
            if (destroyed) {
                return CompletableFuture.completedFuture(null);
            }
            destroyed = true;
            RoomSession r = room;
            CompletableFuture<Void> out = r != null && r.loggedIn() ? r.logout() : CompletableFuture.completedFuture(null);
            if (r != null && !r.loggedIn()) {
                r.close();
            }
            return out.whenComplete((x, e) -> runtime.release());
        }, true);
        return done;
    }

    // ---- plumbing

    private Publishing loggedIn() {
        if (room == null || !room.loggedIn()) {
            int code = room != null && room.reconnecting() ? ErrorCode.CONNECTION_INTERRUPTED.code() : ErrorCode.NOT_LOGGED_IN.code();
            throw new ExpressException(code, "log in to a room first");
        }
        return publishing;
    }

    private CompletableFuture<JsonNode> roomRequest(String roomID, java.util.function.LongFunction<Request> build) {
        if (room == null || !room.roomID().equals(roomID)) {
            throw new ExpressException(ErrorCode.NOT_LOGGED_IN.code(), "not logged in to room " + roomID);
        }
        return room.request(build);
    }

    private interface Check {
        void run() throws ProtocolException;
    }

    private static void check(Check check) {
        try {
            check.run();
        } catch (ProtocolException e) {
            throw new ExpressException(e.code().code(), e.getMessage());
        }
    }

    /** Runs {@code action} on the engine's loop; its future's outcome reaches the caller on the callback thread. */
    private <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> action) {
        return call(action, false);
    }

    private <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> action, boolean evenDestroyed) {
        CompletableFuture<T> out = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                CompletableFuture<T> f;
                if (destroyed && !evenDestroyed) {
                    f = CompletableFuture.failedFuture(new ExpressException(ClientErrors.NOT_LOGGED_IN, "the engine was destroyed"));
                } else {
                    try {
                        f = action.get();
                    } catch (RuntimeException e) {
                        f = CompletableFuture.failedFuture(e);
                    }
                }
                f.whenComplete((v, e) -> {
                    if (e == null) {
                        callbacks.complete(out, v);
                    } else {
                        callbacks.fail(out, RoomSession.express(e, ErrorCode.INVALID_FIELD.code()));
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            out.completeExceptionally(new ExpressException(ErrorCode.TOO_FREQUENT_APP.code(), "too many calls waiting"));
        }
        return out;
    }

    private void execute(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // refused and logged once by the executor
        }
    }

    /** What the room session tells the engine: its publishers and players follow the session. */
    private final class Listener implements SessionListener {
        @Override
        public void onReconnecting() {
            publishing.onReconnecting();
        }

        @Override
        public void onResumed() {
            publishing.onResumed();
        }

        @Override
        public void onEnded(int errorCode) {
            publishing.close(errorCode);
            playing.close(errorCode);
        }

        @Override
        public void onMediaEvent(JsonNode event) {
            playing.onEvent(event);
        }
    }
}
