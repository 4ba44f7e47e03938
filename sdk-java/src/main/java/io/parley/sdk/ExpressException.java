package io.parley.sdk;

/**
 * A call that failed, with ZEGO's error code (API.md "Error codes"); the futures the engine returns
 * complete exceptionally with it.
 */
public final class ExpressException extends RuntimeException {
    private final int errorCode;

    public ExpressException(int errorCode, String message) {
        super(errorCode + ": " + message);
        this.errorCode = errorCode;
    }

    /** ZEGO's error code, such as 1002033 (authentication failed). */
    public int errorCode() {
        return errorCode;
    }
}
