package io.parley.server.room;

import java.util.List;

/** A copy of one room's state: users in login order, streams, extra info. */
public record RoomSnapshot(long appId, String roomId, List<Presence> users, List<PublishedStream> streams, List<RoomExtra> extras) {
    /** A user of the room and when it logged in (unix ms). */
    public record Presence(Member member, long loginTimeMillis) {
    }
}
