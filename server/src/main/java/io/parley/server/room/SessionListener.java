package io.parley.server.room;

import java.util.List;

/**
 * What a room tells one of its sessions. Called on the room's executor; an implementation must
 * return at once (queue, never block), so a slow client never holds up its room.
 */
public interface SessionListener {
    void usersAdded(List<Member> users);

    void usersRemoved(List<Member> users);

    void streamsAdded(List<PublishedStream> streams);

    /** Streams left the room; {@code reasons[i]} is API.md's stream_delete_reason of {@code streams.get(i)}. */
    void streamsRemoved(List<PublishedStream> streams, int[] reasons);

    void streamExtraInfoUpdated(List<PublishedStream> streams);

    void roomExtraInfoUpdated(List<RoomExtra> extras);

    void broadcastReceived(TextMessage message);

    void barrageReceived(TextMessage message);

    void customCommandReceived(Member from, String command);

    void onlineUserCount(int count);

    void tokenWillExpire(int remainSeconds);

    /** A play of this session is now PLAYING ({@code playing}) or waiting for its stream. */
    void playStateChanged(String streamId, boolean playing);

    /** The server ended the session (kick, duplicate login, token expiry, room closed); {@code code} says why. */
    void ended(io.parley.protocol.ErrorCode code, String reason);
}
