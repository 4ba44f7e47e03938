package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.Locale;

/**
 * {@code a=setup} of RFC 4145 §4 as DTLS-SRTP uses it (RFC 8842): who opens the DTLS
 * handshake. An offer says {@code actpass}; an ICE-lite server answers {@code passive}.
 */
public enum Setup {
    ACTPASS, ACTIVE, PASSIVE, HOLDCONN;

    public String sdpName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Setup parse(String text) throws WireFormatException {
        for (Setup s : values()) {
            if (s.sdpName().equals(text)) {
                return s;
            }
        }
        throw new WireFormatException("setup: \"" + text + "\" is not actpass, active, passive or holdconn");
    }

    @Override
    public String toString() {
        return sdpName();
    }
}
