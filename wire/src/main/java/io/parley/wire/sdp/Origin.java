package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.List;

/**
 * The {@code o=} line of RFC 8866 §5.2: who made the description and which version of the
 * session it is. The version rises by one with each offer of a renegotiation (RFC 8829 §5.2.2).
 *
 * @param username       {@code -} when there is none, as WebRTC writes it
 * @param sessionId      numeric session identifier, kept as text because Chromium's exceed a long
 * @param sessionVersion numeric version, kept as text for the same reason
 */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addrType,
                     String address) {

    static Origin parse(String value) throws WireFormatException {
        List<String> f = Tokens.fields(value, 6, "o=");
        if (f.size() != 6) {
            throw new WireFormatException("o=: need 6 fields, have " + f.size());
        }
        digits(f.get(1), "o= sess-id");
        digits(f.get(2), "o= sess-version");
        return new Origin(f.get(0), f.get(1), f.get(2), Tokens.token(f.get(3), "o= nettype"),
                Tokens.token(f.get(4), "o= addrtype"), f.get(5));
    }

    private static void digits(String text, String what) throws WireFormatException {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new WireFormatException(what + ": not a number: \"" + text + "\"");
            }
        }
    }

    @Override
    public String toString() {
        return String.join(" ", username, sessionId, sessionVersion, netType, addrType, address);
    }
}
