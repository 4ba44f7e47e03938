package io.parley.server.auth;

import java.util.List;
import java.util.Objects;

/**
 * What a Token04's {@code payload} grants: the room it may log in to, whether it may log in and
 * publish, and which streamIDs it may publish.
 *
 * @param roomId    the one room the token is for; {@code ""} means any room
 * @param login     privilege "1": may log in to a room
 * @param publish   privilege "2": may publish
 * @param streamIds the streamIDs it may publish; empty means any
 */
public record TokenPayload(String roomId, boolean login, boolean publish, List<String> streamIds) {

    /** What an empty payload (ZEGO's "basic token") grants: any room, login and publishing any stream. */
    public static final TokenPayload UNRESTRICTED = new TokenPayload("", true, true, List.of());

    /** Refuses nulls and freezes the list. */
    public TokenPayload {
        Objects.requireNonNull(roomId, "roomId");
        streamIds = List.copyOf(streamIds);
    }
}
