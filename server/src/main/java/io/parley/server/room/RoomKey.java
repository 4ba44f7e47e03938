package io.parley.server.room;

/** A room's identity: the same roomID in two apps is two rooms. */
record RoomKey(long appId, String roomId) {
}
