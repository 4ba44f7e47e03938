package io.parley.protocol;

/** One key of a room's extra info with who set it and when (unix milliseconds). */
public record RoomExtraInfo(String key, String value, User updateUser, long updateTime) {
}
