package io.parley.server.auth;

/**
 * The checks a verified token's payload makes at login and at publish (API.md, Token04): its room
 * restriction, the login privilege ("1"), the publish privilege ("2") and its streamID list.
 */
public final class TokenPrivileges {
    private TokenPrivileges() {
    }

    /** Refuses with 1002033 unless the token grants login and, when it names a room, names {@code roomId}. */
    public static void checkLogin(TokenClaims claims, String roomId) throws AuthException {
        TokenPayload payload = claims.payload();
        if (!payload.login()) {
            throw new AuthException(AuthException.AUTHENTICATION_FAILED,
                    "the token does not grant the login privilege (privilege \"1\")");
        }
        if (!payload.roomId().isEmpty() && !payload.roomId().equals(roomId)) {
            throw new AuthException(AuthException.AUTHENTICATION_FAILED,
                    "the token is for another room than '" + roomId + "'");
        }
    }

    /** Refuses with 1003025 unless the token grants publishing and, when it lists streamIDs, lists {@code streamId}. */
    public static void checkPublish(TokenClaims claims, String streamId) throws AuthException {
        TokenPayload payload = claims.payload();
        if (!payload.publish()) {
            throw new AuthException(AuthException.PUBLISH_FORBIDDEN,
                    "the token does not grant the publish privilege (privilege \"2\")");
        }
        if (!payload.streamIds().isEmpty() && !payload.streamIds().contains(streamId)) {
            throw new AuthException(AuthException.PUBLISH_FORBIDDEN,
                    "the token's stream_id_list does not hold streamID '" + streamId + "'");
        }
    }
}
