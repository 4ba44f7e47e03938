package io.parley.bench.janus;

/**
 * A failure reported by Janus (its API error codes, e.g. 458 no such session, or a VideoRoom
 * plugin's, e.g. 426 no such room) or found by the adapter (the codes below 100, ours).
 */
public final class JanusException extends Exception {
    /** Janus sent something the adapter cannot read. */
    public static final int BAD_REPLY = 1;
    /** The HTTP request failed or Janus answered with an HTTP error status. */
    public static final int HTTP = 2;
    /** No answer within the adapter's time limit. */
    public static final int TIMEOUT = 3;
    /** Janus's SDP lacks what the transport needs, or asks for a role we do not take. */
    public static final int SDP = 4;
    /** The media transport to Janus failed. */
    public static final int TRANSPORT = 5;
    /** The session ended (closed, or Janus dropped it). */
    public static final int CLOSED = 6;

    private final int code;

    public JanusException(int code, String message) {
        super("Janus " + code + ": " + message);
        this.code = code;
    }

    public JanusException(int code, String message, Throwable cause) {
        super("Janus " + code + ": " + message, cause);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
