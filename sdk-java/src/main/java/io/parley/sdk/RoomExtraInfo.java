package io.parley.sdk;

/** One key of a room's extra info (ZEGO's ZegoRoomExtraInfo): who set it and when, in unix milliseconds. */
public record RoomExtraInfo(String key, String value, User updateUser, long updateTime) {
}
