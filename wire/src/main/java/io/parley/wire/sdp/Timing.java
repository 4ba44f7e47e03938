package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.List;

/**
 * The {@code t=} line of RFC 8866 §5.9: start and stop time in NTP seconds; WebRTC always writes
 * {@code 0 0}, an unbounded session.
 */
public record Timing(long start, long stop) {

    /** The {@code t=0 0} of every WebRTC description. */
    public static final Timing UNBOUNDED = new Timing(0, 0);

    static Timing parse(String value) throws WireFormatException {
        List<String> f = Tokens.fields(value, 2, "t=");
        if (f.size() != 2) {
            throw new WireFormatException("t=: need 2 fields, have " + f.size());
        }
        return new Timing(Tokens.number(f.get(0), 0, Long.MAX_VALUE, "t= start"),
                Tokens.number(f.get(1), 0, Long.MAX_VALUE, "t= stop"));
    }

    @Override
    public String toString() {
        return start + " " + stop;
    }
}
