package io.parley.server.room;

import io.parley.protocol.ErrorCode;
import io.parley.protocol.StreamDeleteReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room of one app and DESIGN.md's rules for it. Every method runs on the room's own serial
 * executor, so the state below needs no lock; what must be unique across rooms (userIDs, streamIDs)
 * is claimed in the app's {@link AppState}.
 */
final class Room {
    private static final Logger LOG = LoggerFactory.getLogger(Room.class);
    /** Distinct room extra info keys a room keeps, so a client cannot grow a room without bound. */
    static final int MAX_EXTRA_KEYS = 10;
    /** Stream delete reasons remembered for resuming clients. */
    private static final int REMEMBERED_REASONS = 1024;

    final RoomKey key;
    final SerialExecutor executor;
    private final RoomService service;
    private final AppState app;
    private final RoomLimits limits;
    private final int capacity;
    private final String roomSessionId;
    /** userID to session, in login order (the order REST pages and snapshots list users in). */
    private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>();
    private final LinkedHashMap<String, PublishedStream> streams = new LinkedHashMap<>();
    private final LinkedHashMap<String, RoomExtra> extras = new LinkedHashMap<>();
    private final Map<String, Integer> deleteReasons = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED_REASONS;
        }
    };
    private final RateWindow broadcasts;
    private long nextMessageId = 1;
    private Scheduler.Cancellable ticker;
    /** True while a login replaces a session, so the room does not close in between. */
    private boolean admitting;
    boolean closed;

    Room(RoomKey key, SerialExecutor executor, RoomService service, AppState app, RoomLimits limits, int maxMemberCount,
         String roomSessionId) {
        this.key = key;
        this.executor = executor;
        this.service = service;
        this.app = app;
        this.limits = limits;
        this.capacity = maxMemberCount > 0 ? Math.min(maxMemberCount, limits.maxUsersPerRoom()) : limits.maxUsersPerRoom();
        this.roomSessionId = roomSessionId;
        this.broadcasts = new RateWindow(limits.broadcastPerSecondPerRoom());
    }

    String roomSessionId() {
        return roomSessionId;
    }

    // ---- joining and leaving

    void login(LoginCommand cmd, SessionListener listener, Reply<LoginOutcome> reply) {
        String userId = cmd.member().userId();
        Session sameRoom = sessions.get(userId);
        long elsewhere = app.sessionsOf(userId).stream().filter(s -> s.room != this && !s.ended).count();
        if (limits.maxRoomsPerUser() > 1 && elsewhere >= limits.maxRoomsPerUser()) {
            reply.fail(ErrorCode.TOO_MANY_ROOMS, "user " + userId + " is already in " + elsewhere + " rooms");
            return;
        }
        if (sessions.size() - (sameRoom == null ? 0 : 1) >= capacity) {
            reply.fail(ErrorCode.ROOM_USER_LIMIT, "room " + key.roomId() + " is full (" + capacity + " users)");
            return;
        }
        if (sameRoom != null) {
            // The room must outlive its only user being replaced by the same user.
            admitting = true;
            leave(sameRoom, StreamDeleteReason.DUPLICATE_LOGIN, ErrorCode.KICKED_DUPLICATE_LOGIN, "the same userID logged in again");
            admitting = false;
        }
        if (limits.maxRoomsPerUser() <= 1) {
            // One room per user: a login elsewhere replaces the older session, as a duplicate login does.
            for (Session other : app.sessionsOf(userId)) {
                if (other.room != this) {
                    other.room.executor.execute(() -> other.room.leave(other, StreamDeleteReason.DUPLICATE_LOGIN,
                            ErrorCode.KICKED_DUPLICATE_LOGIN, "the same userID logged in to room " + key.roomId()));
                }
            }
        }
        Session s = new Session(cmd.appId(), key.roomId(), cmd.member(), cmd.wantsUserUpdates(), service.newSessionToken(), this, cmd.grant(),
                service.scheduler().nowMillis());
        s.listener = listener;
        sessions.put(userId, s);
        app.addSession(s);
        service.sessionJoined(s);
        if (ticker == null) {
            scheduleOnlineCount();
        }
        // Timers first, so that whoever reads the reply can rely on them being set.
        scheduleToken(s);
        // The response lists the users the ADD below tells of, and no others: a session without user
        // updates, or in a room past the cap, would otherwise get every user of a large room in each
        // login response, which both ends pay for on every login and no SDK reads.
        boolean tellUsers = s.wantsUserUpdates() && userUpdatesOn();
        List<Member> users = tellUsers ? List.copyOf(othersThan(s).values()) : List.of();
        List<PublishedStream> others = List.copyOf(streamsFor(s).values());
        reply.ok(new LoginOutcome(s, false, users, others, List.copyOf(extras.values())));
        if (!users.isEmpty()) {
            listener.usersAdded(users);
        }
        if (!others.isEmpty()) {
            listener.streamsAdded(others);
        }
        if (userUpdatesOn()) {
            forOthers(s, true, l -> l.usersAdded(List.of(s.member())));
        }
    }

    void resume(Session s, ClientView known, SessionListener listener, Reply<LoginOutcome> reply) {
        if (s.ended) {
            reply.fail(ErrorCode.SESSION_NOT_FOUND, "the session has already ended");
            return;
        }
        if (s.reconnectDeadline != null) {
            s.reconnectDeadline.cancel();
            s.reconnectDeadline = null;
        }
        SessionListener old = s.listener;
        if (old == null) {
            service.reconnectingChanged(-1);
        }
        RoomView sent = s.viewAtDetach != null ? s.viewAtDetach : viewOf(s);
        RoomView before = known == null ? sent : claimed(s, known, sent);
        s.viewAtDetach = null;
        s.listener = listener;
        if (old != null) {
            old.ended(ErrorCode.DISCONNECTED, "the session resumed on another connection");
        }
        reply.ok(new LoginOutcome(s, true, List.of(), List.of(), List.copyOf(extras.values())));
        RoomView now = viewOf(s);
        if (s.wantsUserUpdates() && userUpdatesOn()) {
            List<Member> gone = missingFrom(before.users(), now.users());
            List<Member> came = missingFrom(now.users(), before.users());
            if (!gone.isEmpty()) {
                listener.usersRemoved(gone);
            }
            if (!came.isEmpty()) {
                listener.usersAdded(came);
            }
        }
        List<PublishedStream> goneStreams = missingFrom(before.streams(), now.streams());
        if (!goneStreams.isEmpty()) {
            listener.streamsRemoved(goneStreams, goneStreams.stream()
                    .mapToInt(p -> deleteReasons.getOrDefault(p.streamId(), StreamDeleteReason.REMOVED_BY_SERVER)).toArray());
        }
        List<PublishedStream> newStreams = missingFrom(now.streams(), before.streams());
        if (!newStreams.isEmpty()) {
            listener.streamsAdded(newStreams);
        }
        List<PublishedStream> changed = new ArrayList<>();
        for (PublishedStream p : now.streams().values()) {
            PublishedStream was = before.streams().get(p.streamId());
            if (was != null && !was.extraInfo().equals(p.extraInfo())) {
                changed.add(p);
            }
        }
        if (!changed.isEmpty()) {
            listener.streamExtraInfoUpdated(changed);
        }
        s.plays.forEach(listener::playStateChanged);
    }

    /** The connection of {@code s} is gone: keep the session for the reconnect window, then let it leave. */
    void detach(Session s, SessionListener listener) {
        if (s.ended || s.listener != listener) {
            return;
        }
        s.listener = null;
        s.viewAtDetach = viewOf(s);
        s.reconnectDeadline = service.scheduler().schedule(service.config().reconnectWindowMillis(),
                () -> executor.execute(() -> {
                    if (s.listener == null) {
                        leave(s, StreamDeleteReason.HEARTBEAT_TIMEOUT, null, "no reconnect within the window");
                    }
                }));
        service.reconnectingChanged(1);
    }

    void logout(Session s, Reply<Void> reply) {
        if (active(s, reply)) {
            reply.ok(null);
            leave(s, StreamDeleteReason.STOPPED_BY_USER, null, "logout");
        }
    }

    /**
     * Ends a session: its streams leave with {@code streamReason}, the others hear of it, and when the
     * server ended it ({@code endCode} not null) its client is told why. Idempotent.
     */
    void leave(Session s, int streamReason, ErrorCode endCode, String why) {
        if (s.ended) {
            return;
        }
        s.ended = true;
        s.cancelTimers();
        if (s.listener == null) {
            service.reconnectingChanged(-1);
        }
        boolean notifyUsers = userUpdatesOn();
        List<PublishedStream> gone = new ArrayList<>();
        for (String streamId : s.publishing) {
            gone.add(removeStream(s, streamId));
        }
        s.publishing.clear();
        sessions.remove(s.member().userId(), s);
        app.removeSession(s);
        service.sessionLeft(s);
        LOG.debug("app {} room {}: user {} left ({})", key.appId(), key.roomId(), s.member().userId(), why);
        if (!gone.isEmpty()) {
            announceRemoved(s, gone, streamReason);
        }
        if (notifyUsers) {
            forOthers(s, true, l -> l.usersRemoved(List.of(s.member())));
        }
        SessionListener l = s.listener;
        if (endCode != null && l != null) {
            l.ended(endCode, why);
        }
        if (sessions.isEmpty() && !admitting) {
            close();
        }
    }

    /** Ends every session (REST closeRoom); returns how many there were. */
    int closeAll(int streamReason, ErrorCode endCode, String why) {
        List<Session> all = new ArrayList<>(sessions.values());
        for (Session s : all) {
            leave(s, streamReason, endCode, why);
        }
        return all.size();
    }

    private void close() {
        closed = true;
        if (ticker != null) {
            ticker.cancel();
        }
        service.roomClosed(this);
    }

    // ---- streams

    void publish(Session s, String streamId, String extraInfo, Reply<Void> reply) {
        if (!active(s, reply)) {
            return;
        }
        if (!s.grant.publish().allows(streamId)) {
            reply.fail(ErrorCode.PUBLISH_FORBIDDEN, "the token does not allow publishing " + streamId);
            return;
        }
        if (s.publishing.contains(streamId)) {
            reply.fail(ErrorCode.ALREADY_PUBLISHING, "already publishing " + streamId);
            return;
        }
        Session owner = app.streamOwners.putIfAbsent(streamId, s);
        if (owner != null) {
            reply.fail(ErrorCode.STREAM_ID_IN_USE, "streamID " + streamId + " is already being published");
            return;
        }
        PublishedStream p = new PublishedStream(streamId, s.member(), extraInfo, service.scheduler().nowMillis());
        s.publishing.add(streamId);
        streams.put(streamId, p);
        service.streamsChanged(1);
        reply.ok(null);
        forOthers(s, false, l -> l.streamsAdded(List.of(p)));
        for (Session player : sessions.values()) {
            if (Boolean.FALSE.equals(player.plays.get(streamId))) {
                player.plays.put(streamId, true);
                tell(player, l -> l.playStateChanged(streamId, true));
            }
        }
    }

    void unpublish(Session s, String streamId, Reply<Void> reply) {
        if (!active(s, reply)) {
            return;
        }
        if (!s.publishing.remove(streamId)) {
            reply.fail(ErrorCode.STREAM_NOT_FOUND, "not publishing " + streamId);
            return;
        }
        PublishedStream p = removeStream(s, streamId);
        reply.ok(null);
        announceRemoved(s, List.of(p), StreamDeleteReason.STOPPED_BY_USER);
    }

    void play(Session s, String streamId, Reply<Boolean> reply) {
        if (!active(s, reply)) {
            return;
        }
        boolean playing = streams.containsKey(streamId);
        s.plays.put(streamId, playing);
        reply.ok(playing);
    }

    void stopPlay(Session s, String streamId, Reply<Void> reply) {
        if (!active(s, reply)) {
            return;
        }
        if (s.plays.remove(streamId) == null) {
            reply.fail(ErrorCode.STREAM_NOT_FOUND, "not playing " + streamId);
            return;
        }
        reply.ok(null);
    }

    void setStreamExtraInfo(Session s, String streamId, String extraInfo, Reply<Void> reply) {
        if (!active(s, reply)) {
            return;
        }
        if (!s.publishing.contains(streamId)) {
            reply.fail(ErrorCode.STREAM_NOT_FOUND, "not publishing " + streamId);
            return;
        }
        PublishedStream p = streams.get(streamId).withExtraInfo(extraInfo);
        streams.put(streamId, p);
        reply.ok(null);
        forOthers(s, false, l -> l.streamExtraInfoUpdated(List.of(p)));
    }

    private PublishedStream removeStream(Session s, String streamId) {
        app.streamOwners.remove(streamId, s);
        service.streamsChanged(-1);
        return streams.remove(streamId);
    }

    /** Tells the others that streams ended, and puts their plays of them back to waiting. */
    private void announceRemoved(Session publisher, List<PublishedStream> gone, int reason) {
        int[] reasons = new int[gone.size()];
        java.util.Arrays.fill(reasons, reason);
        for (PublishedStream p : gone) {
            deleteReasons.put(p.streamId(), reason);
        }
        forOthers(publisher, false, l -> l.streamsRemoved(gone, reasons));
        for (Session player : sessions.values()) {
            for (PublishedStream p : gone) {
                if (Boolean.TRUE.equals(player.plays.get(p.streamId()))) {
                    player.plays.put(p.streamId(), false);
                    tell(player, l -> l.playStateChanged(p.streamId(), false));
                }
            }
        }
    }

    // ---- room extra info and messages

    void setRoomExtraInfo(Session s, String k, String value, Reply<Void> reply) {
        if (!active(s, reply)) {
            return;
        }
        if (!extras.containsKey(k) && extras.size() >= MAX_EXTRA_KEYS) {
            reply.fail(ErrorCode.EXTRA_INFO_TOO_LONG, "a room keeps at most " + MAX_EXTRA_KEYS + " extra info keys");
            return;
        }
        RoomExtra extra = new RoomExtra(k, value, s.member(), service.scheduler().nowMillis());
        extras.put(k, extra);
        reply.ok(null);
        forOthers(s, false, l -> l.roomExtraInfoUpdated(List.of(extra)));
    }

    void broadcast(Session s, String message, Reply<Long> reply) {
        if (active(s, reply)) {
            sendBroadcast(s, s.member(), message, reply);
        }
    }

    /** A broadcast from a session ({@code from} its member) or from the server ({@code sender} null). */
    void sendBroadcast(Session sender, Member from, String message, Reply<Long> reply) {
        long now = service.scheduler().nowMillis();
        if (!broadcasts.tryAcquire(now)) {
            reply.fail(ErrorCode.MESSAGE_TOO_FREQUENT, "at most " + limits.broadcastPerSecondPerRoom() + " broadcasts per second per room");
            return;
        }
        TextMessage m = new TextMessage(message, nextMessageId++, now, from);
        reply.ok(m.messageId());
        forOthers(sender, false, l -> l.broadcastReceived(m));
    }

    void barrage(Session s, String message, Reply<Long> reply) {
        if (!active(s, reply)) {
            return;
        }
        TextMessage m = new TextMessage(message, nextMessageId++, service.scheduler().nowMillis(), s.member());
        reply.ok(m.messageId());
        forOthers(s, false, l -> l.barrageReceived(m));
    }

    void customCommand(Session s, String command, List<String> toUserIds, Reply<Void> reply) {
        if (!active(s, reply)) {
            return;
        }
        reply.ok(null);
        if (toUserIds.isEmpty()) {
            forOthers(s, false, l -> l.customCommandReceived(s.member(), command));
            return;
        }
        for (String userId : toUserIds) {
            Session to = sessions.get(userId);
            if (to != null && to != s) {
                tell(to, l -> l.customCommandReceived(s.member(), command));
            }
        }
    }

    // ---- credentials

    void renew(Session s, Grant grant, Reply<Void> reply) {
        if (!active(s, reply)) {
            return;
        }
        s.grant = grant;
        scheduleToken(s);
        reply.ok(null);
    }

    private void scheduleToken(Session s) {
        if (s.tokenWarning != null) {
            s.tokenWarning.cancel();
        }
        if (s.tokenExpiry != null) {
            s.tokenExpiry.cancel();
        }
        long expireAt = s.expireAtMillis();
        if (expireAt <= 0) {
            return;
        }
        Scheduler scheduler = service.scheduler();
        long left = expireAt - scheduler.nowMillis();
        long warnIn = Math.max(0, left - service.config().tokenWarningMillis());
        s.tokenWarning = scheduler.schedule(warnIn, () -> executor.execute(() -> {
            if (!s.ended && s.expireAtMillis() == expireAt) {
                int remain = (int) Math.max(0, (expireAt - scheduler.nowMillis() + 999) / 1000);
                tell(s, l -> l.tokenWillExpire(remain));
            }
        }));
        s.tokenExpiry = scheduler.schedule(Math.max(0, left), () -> executor.execute(() -> {
            if (s.expireAtMillis() == expireAt) {
                leave(s, StreamDeleteReason.KICKED_OUT, ErrorCode.KICKED_TOKEN_EXPIRED, "token expired");
            }
        }));
    }

    // ---- views

    private void scheduleOnlineCount() {
        ticker = service.scheduler().schedule(service.config().onlineCountIntervalMillis(), () -> executor.execute(() -> {
            if (!closed) {
                scheduleOnlineCount();
                int count = sessions.size();
                forOthers(null, false, l -> l.onlineUserCount(count));
            }
        }));
    }

    /** What {@code s} should know now: the other users and the other users' streams. */
    RoomView viewOf(Session s) {
        return new RoomView(othersThan(s), streamsFor(s));
    }

    /** The room's users but {@code s}'s, by userID, in login order. */
    private Map<String, Member> othersThan(Session s) {
        Map<String, Member> users = new LinkedHashMap<>();
        for (Session other : sessions.values()) {
            if (other != s) {
                users.put(other.member().userId(), other.member());
            }
        }
        return users;
    }

    /** The streams {@code s} may play: every one but its own, by streamID. */
    private Map<String, PublishedStream> streamsFor(Session s) {
        Map<String, PublishedStream> others = new LinkedHashMap<>();
        for (PublishedStream p : streams.values()) {
            if (!s.publishing.contains(p.streamId())) {
                others.put(p.streamId(), p);
            }
        }
        return others;
    }

    /**
     * The view a resuming client states, filled in with names and extra info from what the server
     * sent, then from the room now; an ID known to neither gets a bare placeholder for its DELETE.
     */
    private RoomView claimed(Session self, ClientView known, RoomView sent) {
        Map<String, Member> users = new LinkedHashMap<>();
        for (String userId : known.userIds()) {
            if (userId.equals(self.member().userId())) {
                continue; // a session never lists itself
            }
            Member m = sent.users().get(userId);
            Session now = sessions.get(userId);
            users.put(userId, m != null ? m : now != null ? now.member() : new Member(userId, userId));
        }
        Map<String, PublishedStream> knownStreams = new LinkedHashMap<>();
        for (String streamId : known.streamIds()) {
            if (self.publishing.contains(streamId)) {
                continue; // nor its own streams
            }
            PublishedStream p = sent.streams().get(streamId);
            PublishedStream now = streams.get(streamId);
            knownStreams.put(streamId, p != null ? p : now != null ? now : new PublishedStream(streamId, new Member("", ""), "", 0));
        }
        return new RoomView(users, knownStreams);
    }

    /** The whole room, for the REST API and metrics. */
    RoomSnapshot snapshot() {
        List<RoomSnapshot.Presence> users = new ArrayList<>();
        for (Session s : sessions.values()) {
            users.add(new RoomSnapshot.Presence(s.member(), s.loginTimeMillis()));
        }
        return new RoomSnapshot(key.appId(), key.roomId(), users, List.copyOf(streams.values()), List.copyOf(extras.values()));
    }

    Session sessionOf(String userId) {
        return sessions.get(userId);
    }

    private boolean userUpdatesOn() {
        return sessions.size() <= service.config().userUpdateCap();
    }

    private static <T> List<T> missingFrom(Map<String, T> from, Map<String, T> in) {
        List<T> out = new ArrayList<>();
        from.forEach((k, v) -> {
            if (!in.containsKey(k)) {
                out.add(v);
            }
        });
        return out;
    }

    private boolean active(Session s, Reply<?> reply) {
        if (s.ended) {
            reply.fail(ErrorCode.NOT_LOGGED_IN, "not logged in to the room");
            return false;
        }
        return true;
    }

    /** Tells every connected session but {@code except}; {@code usersOnly} limits it to those that asked for user updates. */
    private void forOthers(Session except, boolean usersOnly, Consumer<SessionListener> event) {
        for (Session s : sessions.values()) {
            if (s != except && (!usersOnly || s.wantsUserUpdates())) {
                tell(s, event);
            }
        }
    }

    private void tell(Session s, Consumer<SessionListener> event) {
        SessionListener l = s.listener;
        if (l == null) {
            return;
        }
        try {
            event.accept(l);
        } catch (RuntimeException e) {
            // A listener is the session's outbound queue; a fault in one must not stop the others hearing.
            LOG.error("listener of user {} failed", s.member().userId(), e);
        }
    }
}
