package io.parley.wire;

/**
 * The one checked exception every parser in {@code io.parley.wire} throws for malformed or
 * truncated input. Callers on the packet path drop and count the datagram; nothing unchecked
 * escapes a parser, whatever the bytes.
 */
public final class WireFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, naming the structure and field, e.g. "STUN: length 7 not a multiple of 4" */
    public WireFormatException(String message) {
        super(message);
    }

    /** @param message what was wrong; @param cause the lower-level failure (e.g. a bad number in SDP) */
    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
