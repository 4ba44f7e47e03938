package io.parley.server.room;

/**
 * A verified login: who, into which room of which app, with which room config, under which app
 * limits and credentials. {@code maxMemberCount} 0 means the app's limit.
 */
public record LoginCommand(long appId, String roomId, Member member, boolean wantsUserUpdates, int maxMemberCount,
                           RoomLimits limits, Grant grant) {
}
