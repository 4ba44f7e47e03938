package io.parley.protocol;

/**
 * A request that breaks the protocol: its error code, a message that names what was wrong, and the
 * request id when the envelope was readable far enough to have one (so the error can be answered).
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;
    private final Long requestId;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ProtocolException(ErrorCode code, String message, Long requestId) {
        super(message);
        this.code = code;
        this.requestId = requestId;
    }

    public ErrorCode code() {
        return code;
    }

    /** The id of the request that failed, or {@code null} when it could not be read. */
    public Long requestId() {
        return requestId;
    }

    /** The same error attached to a request id. */
    public ProtocolException withRequestId(long id) {
        return new ProtocolException(code, getMessage(), id);
    }
}
