package io.parley.wire.rtcp;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * A view over a full intra request, RFC 5104 §4.3.1: payload-specific feedback (PT 206) with FMT 4
 * whose FCI holds one or more 8-byte entries of the SSRC to refresh, a command sequence number and
 * 24 reserved bits. The media SSRC of the common header is unused and written as 0 (§4.3.1.2).
 */
public final class FullIntraRequest extends FeedbackPacket {
    public static final int FMT = 4;
    private static final int ENTRY = 8;

    public FullIntraRequest() {
        super(RtcpHeader.PT_PSFB, FMT, "RTCP FIR");
    }

    @Override
    protected void parseFci(int fci, int end) throws WireFormatException {
        if (end == fci || (end - fci) % ENTRY != 0) {
            throw new WireFormatException(name() + ": FCI of " + (end - fci)
                    + " bytes, expected one or more 8-byte entries");
        }
    }

    public int entryCount() {
        return (contentEnd - offset - FCI) / ENTRY;
    }

    /** The SSRC entry {@code index} asks to send a decoder refresh point. */
    public long entrySsrc(int index) {
        return Bytes.u32(buf, entry(index));
    }

    /** The command sequence number of entry {@code index}; a repeated number is a retransmitted request. */
    public int entrySequence(int index) {
        return Bytes.u8(buf, entry(index) + 4);
    }

    private int entry(int index) {
        if (index < 0 || index >= entryCount()) {
            throw new IndexOutOfBoundsException("FIR entry " + index + " of " + entryCount());
        }
        return offset + FCI + index * ENTRY;
    }

    /** Writes a FIR with the first {@code count} entries of {@code ssrcs} and {@code sequences}; returns its length. */
    public static int write(byte[] b, int off, long senderSsrc, long[] ssrcs, int[] sequences, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("RTCP FIR: needs at least one entry");
        }
        int pos = off + writeHeader(b, off, FMT, RtcpHeader.PT_PSFB, FCI + count * ENTRY, senderSsrc, 0);
        for (int i = 0; i < count; i++, pos += ENTRY) {
            Bytes.put32(b, pos, ssrcs[i]);
            Bytes.put32(b, pos + 4, (long) (sequences[i] & 0xFF) << 24);
        }
        return pos - off;
    }
}
