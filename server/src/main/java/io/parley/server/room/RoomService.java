package io.parley.server.room;

import io.parley.protocol.ErrorCode;
import io.parley.protocol.StreamDeleteReason;
import java.security.SecureRandom;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The rooms of every app, each on its own serial executor over one shared pool. Callers hold a
 * {@link Session} handle and every operation answers through a {@link Reply} on the room's
 * executor. Thread-safe.
 */
public final class RoomService {
    private final ConcurrentHashMap<RoomKey, Room> rooms = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, AppState> apps = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Session> byToken = new ConcurrentHashMap<>();
    private final AtomicInteger sessionCount = new AtomicInteger();
    private final AtomicInteger streamCount = new AtomicInteger();
    private final AtomicInteger reconnectingCount = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final Executor pool;
    private final Scheduler scheduler;
    private final RoomServiceConfig config;
    private volatile Consumer<Session> sessionEnded = s -> { };

    public RoomService(Executor pool, Scheduler scheduler, RoomServiceConfig config) {
        this.pool = pool;
        this.scheduler = scheduler;
        this.config = config;
    }

    // ---- session operations

    public void login(LoginCommand cmd, SessionListener listener, Reply<LoginOutcome> reply) {
        RoomKey key = new RoomKey(cmd.appId(), cmd.roomId());
        Room room = rooms.computeIfAbsent(key, k -> new Room(k, new SerialExecutor(pool), this,
                apps.computeIfAbsent(k.appId(), id -> new AppState()), cmd.limits(), cmd.maxMemberCount(),
                Long.toUnsignedString(random.nextLong())));
        room.executor.execute(() -> {
            if (room.closed) {
                // The room emptied between lookup and now; a fresh one takes this login.
                login(cmd, listener, reply);
            } else {
                room.login(cmd, listener, reply);
            }
        });
    }

    /**
     * Resumes a session on a new connection within its reconnect window. {@code known} is what the
     * client says it has (null: what the server had sent when it noticed the loss).
     */
    public void resume(long appId, String sessionToken, ClientView known, SessionListener listener, Reply<LoginOutcome> reply) {
        Session s = byToken.get(sessionToken);
        if (s == null || s.appId() != appId) {
            reply.fail(ErrorCode.SESSION_NOT_FOUND, "no session to resume for this session token");
            return;
        }
        s.room.executor.execute(() -> s.room.resume(s, known, listener, reply));
    }

    /** The connection behind {@code listener} is gone; the session waits for a resume. */
    public void detach(Session s, SessionListener listener) {
        s.room.executor.execute(() -> s.room.detach(s, listener));
    }

    public void logout(Session s, Reply<Void> reply) {
        s.room.executor.execute(() -> s.room.logout(s, reply));
    }

    public void publish(Session s, String streamId, String extraInfo, Reply<Void> reply) {
        s.room.executor.execute(() -> s.room.publish(s, streamId, extraInfo, reply));
    }

    public void unpublish(Session s, String streamId, Reply<Void> reply) {
        s.room.executor.execute(() -> s.room.unpublish(s, streamId, reply));
    }

    /** Answers true when the stream plays now, false when the play waits for it (PLAY_REQUESTING). */
    public void play(Session s, String streamId, Reply<Boolean> reply) {
        s.room.executor.execute(() -> s.room.play(s, streamId, reply));
    }

    public void stopPlay(Session s, String streamId, Reply<Void> reply) {
        s.room.executor.execute(() -> s.room.stopPlay(s, streamId, reply));
    }

    public void setStreamExtraInfo(Session s, String streamId, String extraInfo, Reply<Void> reply) {
        s.room.executor.execute(() -> s.room.setStreamExtraInfo(s, streamId, extraInfo, reply));
    }

    public void setRoomExtraInfo(Session s, String key, String value, Reply<Void> reply) {
        s.room.executor.execute(() -> s.room.setRoomExtraInfo(s, key, value, reply));
    }

    public void broadcast(Session s, String message, Reply<Long> reply) {
        s.room.executor.execute(() -> s.room.broadcast(s, message, reply));
    }

    public void barrage(Session s, String message, Reply<Long> reply) {
        s.room.executor.execute(() -> s.room.barrage(s, message, reply));
    }

    public void customCommand(Session s, String command, List<String> toUserIds, Reply<Void> reply) {
        s.room.executor.execute(() -> s.room.customCommand(s, command, toUserIds, reply));
    }

    public void renew(Session s, Grant grant, Reply<Void> reply) {
        s.room.executor.execute(() -> s.room.renew(s, grant, reply));
    }

    // ---- the app server's view (REST API)

    /** The room's state, or null when it does not exist. */
    public CompletableFuture<RoomSnapshot> snapshot(long appId, String roomId) {
        return onRoom(appId, roomId, Room::snapshot, null);
    }

    /** The rooms a user is logged in to. */
    public List<String> roomsOf(long appId, String userId) {
        AppState app = apps.get(appId);
        List<String> out = new ArrayList<>();
        if (app != null) {
            for (Session s : app.sessionsOf(userId)) {
                if (!s.ended()) {
                    out.add(s.roomId());
                }
            }
        }
        return out;
    }

    /** Ends the sessions of these users in the room; answers how many were there. */
    public CompletableFuture<Integer> kick(long appId, String roomId, List<String> userIds, String reason) {
        return onRoom(appId, roomId, room -> {
            int n = 0;
            for (String userId : userIds) {
                Session s = room.sessionOf(userId);
                if (s != null) {
                    room.leave(s, StreamDeleteReason.KICKED_OUT, ErrorCode.KICKED_BY_SERVER, reason);
                    n++;
                }
            }
            return n;
        }, 0);
    }

    /** Ends every session of the room; answers whether it existed. */
    public CompletableFuture<Boolean> close(long appId, String roomId, String reason) {
        return onRoom(appId, roomId, room -> room.closeAll(StreamDeleteReason.REMOVED_BY_SERVER, ErrorCode.ROOM_CLOSED, reason) > 0, false);
    }

    /** A broadcast from the app's server under the room's broadcast rate; fails with a {@link RoomRefusal}. */
    public CompletableFuture<Long> serverBroadcast(long appId, String roomId, Member from, String message) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        Room room = rooms.get(new RoomKey(appId, roomId));
        if (room == null) {
            result.completeExceptionally(new RoomRefusal(ErrorCode.NOT_LOGGED_IN, "room " + roomId + " does not exist"));
            return result;
        }
        room.executor.execute(() -> room.sendBroadcast(null, from, message, new Reply<>() {
            @Override
            public void ok(Long value) {
                result.complete(value);
            }

            @Override
            public void fail(ErrorCode code, String message) {
                result.completeExceptionally(new RoomRefusal(code, message));
            }
        }));
        return result;
    }

    public int roomCount() {
        return rooms.size();
    }

    public int sessionCount() {
        return sessionCount.get();
    }

    /** Sessions whose connection is lost and that wait for their client within the reconnect window. */
    public int reconnectingCount() {
        return reconnectingCount.get();
    }

    public int streamCount() {
        return streamCount.get();
    }

    // ---- for rooms

    Scheduler scheduler() {
        return scheduler;
    }

    RoomServiceConfig config() {
        return config;
    }

    String newSessionToken() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    void sessionJoined(Session s) {
        byToken.put(s.sessionToken(), s);
        sessionCount.incrementAndGet();
    }

    void sessionLeft(Session s) {
        byToken.remove(s.sessionToken(), s);
        sessionCount.decrementAndGet();
        sessionEnded.accept(s);
    }

    /**
     * Tells {@code hook} of every session that ends, however it ends (logout, kick, token expiry,
     * the reconnect window running out, room closed), on the room's executor; it must not block.
     */
    public void onSessionEnded(Consumer<Session> hook) {
        this.sessionEnded = hook;
    }

    void reconnectingChanged(int delta) {
        reconnectingCount.addAndGet(delta);
    }

    void streamsChanged(int delta) {
        streamCount.addAndGet(delta);
    }

    void roomClosed(Room room) {
        rooms.remove(room.key, room);
    }

    private <T> CompletableFuture<T> onRoom(long appId, String roomId, Function<Room, T> task, T absent) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Room room = rooms.get(new RoomKey(appId, roomId));
        if (room == null) {
            result.complete(absent);
            return result;
        }
        room.executor.execute(() -> {
            try {
                result.complete(room.closed ? absent : task.apply(room));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
