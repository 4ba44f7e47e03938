package io.parley.server.room;

/** The limits of one app that the room service enforces (from the app's configuration). */
public record RoomLimits(int maxUsersPerRoom, int maxRoomsPerUser, int broadcastPerSecondPerRoom) {
    public static final RoomLimits DEFAULT = new RoomLimits(10000, 1, 10);
}
