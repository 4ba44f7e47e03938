package io.parley.wire.rtcp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;
import java.util.Arrays;

/** Feeds every truncation of a valid vector to a parser; each must raise {@link WireFormatException}. */
final class RtcpTruncation {
    /** A parser under test: wraps {@code [offset, offset + length)} of {@code buf}. */
    interface Parser {
        void parse(byte[] buf, int offset, int length) throws WireFormatException;
    }

    private RtcpTruncation() {
    }

    /**
     * Every prefix shorter than the vector, as cut by a short read, is rejected; and every prefix
     * cut at a word boundary, with its length field rewritten to match, is either rejected or
     * parsed, never answered with an unchecked exception.
     */
    static void assertEveryTruncationRejected(byte[] vector, Parser parser) {
        for (int n = 0; n < vector.length; n++) {
            byte[] cut = Arrays.copyOf(vector, n);
            int length = n;
            assertThatThrownBy(() -> parser.parse(cut, 0, length))
                    .as("prefix of %d bytes", n).isInstanceOf(WireFormatException.class);
        }
        for (int n = 4; n < vector.length; n += 4) {
            byte[] cut = Arrays.copyOf(vector, n);
            Bytes.put16(cut, 2, n / 4 - 1);
            try {
                parser.parse(cut, 0, n);
            } catch (WireFormatException expected) {
                // a shorter but self-consistent packet may be malformed or may be valid
            }
        }
    }

    /** A parser that wraps a fresh view of the given kind. */
    static Parser view(java.util.function.Supplier<? extends RtcpPacket> views) {
        return (buf, offset, length) -> views.get().wrap(buf, offset, length);
    }
}
