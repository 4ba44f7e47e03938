package io.parley.server.room;

/** One key of a room's extra info, who set it and when (unix milliseconds). */
public record RoomExtra(String key, String value, Member updateUser, long updateTime) {
}
