package io.parley.server.auth;

import java.io.Serial;

/**
 * A refused credential or request, with ZEGO's error code (API.md) so that clients see the number
 * ZEGO's SDKs would show. The message says what was wrong and never holds a secret or a token.
 */
public final class AuthException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Login failed: authentication failed (a token's room or login privilege refuses it). */
    public static final int AUTHENTICATION_FAILED = 1002033;
    /** Token: bad format (not base64, wrong layout, does not decrypt, bad JSON). */
    public static final int TOKEN_FORMAT = 1002075;
    /** Token: its app_id is not the login's AppID. */
    public static final int TOKEN_APP_ID = 1002076;
    /** Token: its user_id is not the login's userID. */
    public static final int TOKEN_USER_ID = 1002077;
    /** Token: expired (or, in Parley, created too far in the future to trust). */
    public static final int TOKEN_EXPIRED = 1002078;
    /** Token: not a version 04 token. */
    public static final int TOKEN_VERSION = 1002079;
    /** Publishing forbidden: the token does not grant publishing this streamID. */
    public static final int PUBLISH_FORBIDDEN = 1003025;

    private final int code;

    /** A refusal with ZEGO's {@code code} and a message that explains it. */
    public AuthException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** ZEGO's error code for this refusal. */
    public int code() {
        return code;
    }

    /** Stack traces of refused input say nothing useful and cost time on a hot refusal path. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
