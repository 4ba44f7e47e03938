package io.parley.server.api;

import java.io.Serial;

/**
 * A refused REST request: ZEGO's return code where ZEGO has one ({@code docs/rest-api.md} lists
 * each), the HTTP status, and a message for the caller.
 */
final class RestError extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** ZEGO: the request failed (used for a failure inside the room service). */
    static final int FAILED = 1;
    /** ZEGO: input parameter error. */
    static final int BAD_PARAMETER = 2;
    /** ZEGO: input parameter too long. */
    static final int TOO_LONG = 3;
    /** ZEGO: the room does not exist. */
    static final int NO_ROOM = 104;
    /** ZEGO: AppId field format error. */
    static final int BAD_APP_ID = 100000001;
    /** ZEGO: Timestamp field is empty. */
    static final int NO_TIMESTAMP = 100000002;
    /** ZEGO: Timestamp field format error. */
    static final int BAD_TIMESTAMP = 100000003;
    /** ZEGO: Action is empty. */
    static final int NO_ACTION = 100000006;
    /** ZEGO: unsupported Action. */
    static final int UNKNOWN_ACTION = 100000007;
    /** ZEGO: SignatureNonce field is empty. */
    static final int NO_NONCE = 100000008;
    /** ZEGO: Signature field is empty. */
    static final int NO_SIGNATURE = 100000009;
    /** ZEGO: failed to get ServerSecret (no such app). */
    static final int UNKNOWN_APP = 100000010;
    /** ZEGO: SignatureVersion field is empty. */
    static final int NO_SIGNATURE_VERSION = 100000013;
    /** ZEGO: unsupported SignatureVersion. */
    static final int BAD_SIGNATURE_VERSION = 100000014;
    /** Parley: this SignatureNonce was already used within the window (a replay). */
    static final int NONCE_REUSED = 100000101;
    /** Parley: the server remembers too many recent nonces to take another now; retry later. */
    static final int NONCE_CACHE_FULL = 100000102;

    private final int code;
    private final int httpStatus;

    RestError(int code, int httpStatus, String message) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** A parameter error: code 2, HTTP 400. */
    static RestError badParameter(String message) {
        return new RestError(BAD_PARAMETER, 400, message);
    }

    int code() {
        return code;
    }

    int httpStatus() {
        return httpStatus;
    }

    /** Refusals are expected input; a stack trace would only cost time. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
