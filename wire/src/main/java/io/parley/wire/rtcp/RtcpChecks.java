package io.parley.wire.rtcp;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * Bounds checks of the RTCP views (RFC 3550 §6.4 and A.2) that build their message only when they
 * fail: a message concatenated before every check would allocate on each packet parsed.
 */
final class RtcpChecks {
    private RtcpChecks() {
    }

    /** Like {@link Bytes#require}; the message is {@code structure + " " + field}. */
    static void require(int offset, int need, int end, String structure, String field) throws WireFormatException {
        if (need < 0 || offset < 0 || offset > end - need) {
            Bytes.require(offset, need, end, structure + " " + field);
        }
    }

    /** Like {@link Bytes#require}; {@code field} is a format with one {@code %d}, filled with {@code index}. */
    static void require(int offset, int need, int end, String structure, String field, int index)
            throws WireFormatException {
        if (need < 0 || offset < 0 || offset > end - need) {
            Bytes.require(offset, need, end, structure + " " + String.format(field, index));
        }
    }
}
