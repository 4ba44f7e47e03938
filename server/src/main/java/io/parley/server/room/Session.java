package io.parley.server.room;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One user's presence in one room: a handle the signaling layer holds and passes back to
 * {@link RoomService}. Its state is touched only on its room's executor; the few fields read from
 * other threads are volatile.
 */
public final class Session {
    private final long appId;
    private final String roomId;
    private final Member member;
    private final boolean wantsUserUpdates;
    private final String sessionToken;
    private final long loginTimeMillis;
    final Room room;
    final Set<String> publishing = new LinkedHashSet<>();
    /** streamID to whether it is PLAYING (true) or waiting for the stream (false). */
    final Map<String, Boolean> plays = new LinkedHashMap<>();
    volatile SessionListener listener;
    volatile boolean ended;
    Grant grant;
    Scheduler.Cancellable tokenWarning;
    Scheduler.Cancellable tokenExpiry;
    Scheduler.Cancellable reconnectDeadline;
    /** What the client had been told when its connection was lost; the base of the resume diff. */
    RoomView viewAtDetach;

    Session(long appId, String roomId, Member member, boolean wantsUserUpdates, String sessionToken, Room room, Grant grant,
            long loginTimeMillis) {
        this.loginTimeMillis = loginTimeMillis;
        this.appId = appId;
        this.roomId = roomId;
        this.member = member;
        this.wantsUserUpdates = wantsUserUpdates;
        this.sessionToken = sessionToken;
        this.room = room;
        this.grant = grant;
    }

    public long appId() {
        return appId;
    }

    public String roomId() {
        return roomId;
    }

    public Member member() {
        return member;
    }

    public boolean wantsUserUpdates() {
        return wantsUserUpdates;
    }

    /** The secret that resumes this session on a new connection within the reconnect window. */
    public String sessionToken() {
        return sessionToken;
    }

    /** ZEGO's room_session_id: the same for every session of one room's lifetime. */
    public String roomSessionId() {
        return room.roomSessionId();
    }

    /** When the user logged in to the room (unix ms). */
    public long loginTimeMillis() {
        return loginTimeMillis;
    }

    /** Whether the session has left its room (for good). */
    public boolean ended() {
        return ended;
    }

    /** When the session's credentials expire (unix ms; 0: never). Read it on the room's executor (in a reply). */
    public long expireAtMillis() {
        return grant.expireAtMillis();
    }

    void cancelTimers() {
        for (Scheduler.Cancellable c : new Scheduler.Cancellable[] {tokenWarning, tokenExpiry, reconnectDeadline}) {
            if (c != null) {
                c.cancel();
            }
        }
        tokenWarning = null;
        tokenExpiry = null;
        reconnectDeadline = null;
    }
}
