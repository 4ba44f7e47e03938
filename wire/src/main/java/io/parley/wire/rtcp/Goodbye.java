package io.parley.wire.rtcp;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;
import java.nio.charset.StandardCharsets;

/**
 * A view over an RTCP BYE packet, RFC 3550 §6.6: SC SSRC/CSRC identifiers leaving the session and
 * an optional reason for leaving (a length octet and text, padded to 32 bits).
 */
public final class Goodbye extends RtcpPacket {
    private int reasonOffset;

    public Goodbye() {
        super(RtcpHeader.PT_BYE, "RTCP BYE");
    }

    @Override
    protected void parseBody() throws WireFormatException {
        int pos = offset + RtcpHeader.SIZE;
        RtcpChecks.require(pos, count() * 4, contentEnd, name(), "with %d sources", count());
        pos += count() * 4;
        reasonOffset = pos < contentEnd ? pos : -1;
        if (reasonOffset >= 0) {
            RtcpChecks.require(pos + 1, Bytes.u8(buf, pos), contentEnd, name(), "reason");
        }
    }

    /** SC, the number of sources leaving. */
    public int sourceCount() {
        return count();
    }

    /** Source {@code index} (0 ≤ index &lt; {@link #sourceCount()}). */
    public long ssrc(int index) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException("source " + index + " of " + count());
        }
        return Bytes.u32(buf, offset + RtcpHeader.SIZE + 4 * index);
    }

    public boolean hasReason() {
        return reasonOffset >= 0;
    }

    /** Where the reason text starts in the buffer; valid when {@link #hasReason()}. */
    public int reasonOffset() {
        return reasonOffset + 1;
    }

    /** The reason's length in bytes; 0 without a reason. */
    public int reasonLength() {
        return reasonOffset < 0 ? 0 : Bytes.u8(buf, reasonOffset);
    }

    /** The reason decoded as UTF-8, or null without one; allocates. */
    public String reason() {
        return reasonOffset < 0 ? null : new String(buf, reasonOffset(), reasonLength(), StandardCharsets.UTF_8);
    }

    /**
     * Writes a BYE for the first {@code count} of {@code ssrcs} with an optional reason (null for
     * none) and returns its length.
     */
    public static int write(byte[] b, int off, long[] ssrcs, int count, byte[] reason) {
        if (reason != null && reason.length > 255) {
            throw new IllegalArgumentException("RTCP BYE: reason of " + reason.length + " bytes, 255 at most");
        }
        int pos = off + RtcpHeader.SIZE;
        for (int i = 0; i < count; i++) {
            Bytes.put32(b, pos, ssrcs[i]);
            pos += 4;
        }
        if (reason != null) {
            b[pos] = (byte) reason.length;
            System.arraycopy(reason, 0, b, pos + 1, reason.length);
            pos += 1 + reason.length;
            while (((pos - off) & 3) != 0) {
                b[pos++] = 0;
            }
        }
        RtcpHeader.write(b, off, count, RtcpHeader.PT_BYE, pos - off);
        return pos - off;
    }
}
