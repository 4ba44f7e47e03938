package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.Locale;

/**
 * The media direction attributes of RFC 8866 §6.7 ({@code a=sendrecv}, ...), also used inside
 * {@code a=extmap}. An answer's direction is the mirror of the offer's (RFC 3264 §6.1).
 */
public enum Direction {
    SENDRECV, SENDONLY, RECVONLY, INACTIVE;

    /** The attribute name, e.g. {@code sendonly}. */
    public String sdpName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What an answerer that agrees writes back: send becomes receive and the other way round. */
    public Direction reverse() {
        return switch (this) {
            case SENDONLY -> RECVONLY;
            case RECVONLY -> SENDONLY;
            default -> this;
        };
    }

    static Direction parse(String text) throws WireFormatException {
        Direction d = fromName(text);
        if (d == null) {
            throw new WireFormatException("direction: \"" + text + "\" is not sendrecv, sendonly, recvonly or inactive");
        }
        return d;
    }

    /** The direction named {@code text}, or {@code null} when it names none. */
    static Direction fromName(String text) {
        for (Direction d : values()) {
            if (d.sdpName().equals(text)) {
                return d;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return sdpName();
    }
}
