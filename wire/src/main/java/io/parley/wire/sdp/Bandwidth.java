package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

/**
 * The {@code b=} line of RFC 8866 §5.8: a bandwidth type ({@code AS}, {@code TIAS}, ...) and its
 * value in kilobits (AS) or bits (TIAS) per second.
 */
public record Bandwidth(String type, long value) {

    static Bandwidth parse(String text) throws WireFormatException {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new WireFormatException("b=: missing ':' between type and value");
        }
        return new Bandwidth(Tokens.token(text.substring(0, colon), "b= type"),
                Tokens.number(text.substring(colon + 1), 0, Long.MAX_VALUE, "b= value"));
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
