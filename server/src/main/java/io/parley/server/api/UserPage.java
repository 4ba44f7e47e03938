package io.parley.server.api;

import java.util.List;

/**
 * One page of a room's users in login order.
 *
 * @param users      at most the page size asked for
 * @param nextMarker the marker that fetches the next page; {@code ""} when this page is the last
 */
public record UserPage(List<RoomUser> users, String nextMarker) {

    /** Freezes the list; a null marker means the last page. */
    public UserPage {
        users = List.copyOf(users);
        nextMarker = nextMarker == null ? "" : nextMarker;
    }
}
