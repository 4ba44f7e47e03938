package io.parley.server.app;

/**
 * The limits one app's users live within: room size, rooms per user and the rates that keep one
 * room or one session from starving the others.
 *
 * @param maxUsersPerRoom             users a room admits before login fails with 1002034
 * @param maxRoomsPerUser             rooms one userID may be logged in to at once (1002001 past it)
 * @param broadcastPerSecondPerRoom   broadcast messages a room carries per second (1009015 past it)
 * @param requestsPerSecondPerSession signaling requests one session may send per second
 */
public record AppLimits(int maxUsersPerRoom, int maxRoomsPerUser, int broadcastPerSecondPerRoom,
                        int requestsPerSecondPerSession) {

    /** ZEGO's documented defaults: 10,000 users a room, one room a user, 10 broadcasts a second. */
    public static final AppLimits DEFAULT = new AppLimits(10_000, 1, 10, 50);

    /** Refuses a limit below one, which would lock every user out without saying why. */
    public AppLimits {
        requirePositive("maxUsersPerRoom", maxUsersPerRoom);
        requirePositive("maxRoomsPerUser", maxRoomsPerUser);
        requirePositive("broadcastPerSecondPerRoom", broadcastPerSecondPerRoom);
        requirePositive("requestsPerSecondPerSession", requestsPerSecondPerSession);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
