package io.parley.server.room;

/**
 * What a session's credentials allow: when they expire (unix ms, 0 for never, as with AppSign) and
 * which streamIDs it may publish. The signaling layer builds it from a verified token.
 */
public record Grant(long expireAtMillis, PublishPrivilege publish) {
    /** AppSign logins: no expiry, any stream. */
    public static final Grant UNRESTRICTED = new Grant(0, streamId -> true);

    /** Whether a streamID may be published. */
    @FunctionalInterface
    public interface PublishPrivilege {
        boolean allows(String streamId);
    }
}
