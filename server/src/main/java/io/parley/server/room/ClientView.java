package io.parley.server.room;

import java.util.Set;

/**
 * The users and streams a resuming client says it knows. Events in flight when a connection dies
 * may never have arrived; diffing against what the client really has replays exactly what it missed.
 */
public record ClientView(Set<String> userIds, Set<String> streamIds) {
    public ClientView {
        userIds = Set.copyOf(userIds);
        streamIds = Set.copyOf(streamIds);
    }
}
