package io.parley.server.api;

import java.util.List;

/**
 * Where one userID of an app is now, as DescribeUsers reports it.
 *
 * @param userId  the userID asked about
 * @param online  whether it has a session in any room of the app
 * @param roomIds the rooms it is logged in to (empty when offline)
 */
public record UserStatus(String userId, boolean online, List<String> roomIds) {

    /** Freezes the list. */
    public UserStatus {
        roomIds = List.copyOf(roomIds);
    }
}
