package io.parley.server.api;

import io.parley.server.auth.AuthException;
import java.util.List;

/**
 * What the REST API asks of the room service: counts, lists and the operator's actions. The room
 * service implements it; tests put a fake here. Every call is for one app and never sees another's rooms.
 */
public interface RoomAdmin {

    /** The user count of each room in {@code roomIds}, in that order; a room that does not exist counts 0. */
    List<RoomUserCount> userCounts(long appId, List<String> roomIds);

    /**
     * Up to {@code limit} users of {@code roomId} in login order, starting after {@code marker}
     * ({@code ""} for the first page). The marker is opaque to callers and comes back from them
     * untrusted: a marker this service did not issue (or one that no longer fits) gives an empty
     * page, never an exception. An unknown room is an empty page.
     */
    UserPage users(long appId, String roomId, String marker, int limit);

    /** The status of each userID in {@code userIds}, in that order. */
    List<UserStatus> describeUsers(long appId, List<String> userIds);

    /**
     * Ends the sessions of {@code userIds} in {@code roomId} (they are told: kicked out) and
     * returns how many were there.
     */
    int kickout(long appId, String roomId, List<String> userIds, String reason);

    /** Kicks every user out of {@code roomId} and removes it; false when there was no such room. */
    boolean closeRoom(long appId, String roomId, String reason);

    /** The streams being published in {@code roomId}; empty for an unknown room. */
    List<StreamInfo> streams(long appId, String roomId);

    /**
     * Sends a broadcast message to every session of {@code roomId} except {@code fromUserId}'s.
     * Refuses with ZEGO's codes: message too long (1009002), too frequent (1009015), and the room
     * does not exist (104, ZEGO's server API code).
     */
    void broadcast(long appId, String roomId, String fromUserId, String fromUserName, String message)
            throws AuthException;
}
