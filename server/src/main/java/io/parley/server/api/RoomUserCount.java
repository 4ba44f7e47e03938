package io.parley.server.api;

/**
 * How many users one room holds, as DescribeUserNum reports it.
 *
 * @param roomId         the room
 * @param userCount      users logged in to it (0 when the room does not exist)
 * @param adminUserCount of those, users with the admin role (0 in Parley, which has no roles yet)
 */
public record RoomUserCount(String roomId, int userCount, int adminUserCount) {
}
