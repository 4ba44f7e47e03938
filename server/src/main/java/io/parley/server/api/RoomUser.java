package io.parley.server.api;

/**
 * One user in a room, as DescribeUserList lists it.
 *
 * @param userId    the userID
 * @param userName  the userName given at login
 * @param userRole  ZEGO's UserRole (meaningful for LiveRoom only; Parley reports 0)
 * @param loginTime when it logged in to the room, unix seconds
 */
public record RoomUser(String userId, String userName, int userRole, long loginTime) {
}
