package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.List;

/**
 * The {@code c=} line of RFC 8866 §5.7 (and, with the same grammar, the address part of
 * {@code a=rtcp}). WebRTC writes {@code IN IP4 0.0.0.0} and lets ICE find the real address.
 */
public record Connection(String netType, String addrType, String address) {

    static Connection parse(String value) throws WireFormatException {
        List<String> f = Tokens.fields(value, 3, "c=");
        if (f.size() != 3) {
            throw new WireFormatException("c=: need 3 fields, have " + f.size());
        }
        return new Connection(Tokens.token(f.get(0), "c= nettype"), Tokens.token(f.get(1), "c= addrtype"), f.get(2));
    }

    @Override
    public String toString() {
        return netType + " " + addrType + " " + address;
    }
}
