package io.parley.sdk;

/**
 * How to log in (ZEGO's ZegoRoomConfig).
 *
 * @param maxMemberCount     the room's size cap, 0 for none
 * @param isUserStatusNotify whether this user hears {@code onRoomUserUpdate}
 * @param token              a Token04, or null when the engine's profile has an AppSign
 */
public record RoomConfig(int maxMemberCount, boolean isUserStatusNotify, String token) {
    /** ZEGO's default: no cap, no user updates, AppSign login. */
    public RoomConfig() {
        this(0, false, null);
    }

    /** A token login with user updates on. */
    public static RoomConfig withToken(String token) {
        return new RoomConfig(0, true, token);
    }
}
