package io.parley.server.room;

/**
 * The room service's timings and caps: how long a lost session waits for its client to resume, how
 * often rooms report their user count, how early a token expiry is announced, and the room size
 * past which user updates stop (API.md: 500).
 */
public record RoomServiceConfig(long reconnectWindowMillis, long onlineCountIntervalMillis, long tokenWarningMillis,
                                int userUpdateCap) {
    public static final RoomServiceConfig DEFAULT = new RoomServiceConfig(30_000, 30_000, 30_000, 500);

    public RoomServiceConfig withReconnectWindowMillis(long millis) {
        return new RoomServiceConfig(millis, onlineCountIntervalMillis, tokenWarningMillis, userUpdateCap);
    }
}
