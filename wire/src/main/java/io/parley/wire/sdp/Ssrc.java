package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

/**
 * {@code a=ssrc} of RFC 5576 §4.1: a source-level attribute of one SSRC, e.g.
 * {@code 1234 cname:abc} or {@code 1234 msid:stream track}.
 *
 * @param value the text after the colon (may hold spaces), or {@code null} for a bare attribute
 */
public record Ssrc(long ssrc, String attribute, String value) {

    static Ssrc parse(String text) throws WireFormatException {
        int space = text.indexOf(' ');
        if (space < 0) {
            throw new WireFormatException("ssrc: need \"<ssrc-id> <attribute>[:<value>]\"");
        }
        long id = Tokens.number(text.substring(0, space), 0, 0xFFFF_FFFFL, "ssrc id");
        String rest = text.substring(space + 1);
        int colon = rest.indexOf(':');
        String attribute = colon < 0 ? rest : rest.substring(0, colon);
        return new Ssrc(id, Tokens.token(attribute, "ssrc attribute"), colon < 0 ? null : rest.substring(colon + 1));
    }

    @Override
    public String toString() {
        return ssrc + " " + attribute + (value == null ? "" : ":" + value);
    }
}
