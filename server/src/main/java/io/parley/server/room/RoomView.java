package io.parley.server.room;

import java.util.Map;

/** What one session knows of its room: the other users (by userID) and the other users' streams (by streamID). */
record RoomView(Map<String, Member> users, Map<String, PublishedStream> streams) {
}
