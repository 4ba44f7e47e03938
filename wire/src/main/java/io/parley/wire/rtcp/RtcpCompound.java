package io.parley.wire.rtcp;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * A cursor over the packets of one RTCP datagram, a compound packet of RFC 3550 §6.1. {@link #wrap}
 * applies the header validity checks of RFC 3550 A.2 to the whole datagram before the first
 * packet is visited: every packet has version 2, the length fields sum exactly to the datagram's
 * size, and only the last packet may carry padding. Iteration then cannot fail and allocates
 * nothing; each packet is handed to the view of its type ({@link SenderReport}, {@link GenericNack}...).
 *
 * <p>A.2 also requires the first packet to be an SR or RR. That rule is deliberately not enforced:
 * reduced-size RTCP (RFC 5506 §3) lets a receiver send a datagram holding nothing but feedback (a
 * lone PLI or transport-wide congestion control report), and browsers do so once
 * {@code a=rtcp-rsize} is negotiated. A parser that rejected those datagrams would drop the very
 * feedback an SFU acts on, so the cursor accepts any sequence of well-formed packets.
 */
public final class RtcpCompound {
    private static final String WHAT = "RTCP compound";

    private byte[] buf;
    private int start;
    private int end;
    private int next;
    private int current = -1;
    private int currentLength;

    /** Points the cursor at the datagram {@code [offset, offset + length)} and validates all its headers. */
    public void wrap(byte[] buf, int offset, int length) throws WireFormatException {
        this.buf = null;
        Bytes.checkRange(buf, offset, length, WHAT);
        if (length == 0) {
            throw new WireFormatException(WHAT + ": empty datagram");
        }
        int end = offset + length;
        for (int pos = offset; pos < end; ) {
            int packetLength = RtcpHeader.checkedLength(buf, pos, end - pos, WHAT, pos - offset);
            if (RtcpHeader.padding(buf, pos) && pos + packetLength != end) {
                throw new WireFormatException(WHAT + ": padding bit set on packet at offset " + (pos - offset)
                        + ", which is not the last");
            }
            pos += packetLength;
        }
        this.buf = buf;
        this.start = offset;
        this.end = end;
        rewind();
    }

    /** Goes back to before the first packet. */
    public void rewind() {
        next = start;
        current = -1;
        currentLength = 0;
    }

    /** Advances to the next packet; returns false after the last. */
    public boolean next() {
        if (next >= end) {
            current = -1;
            return false;
        }
        current = next;
        currentLength = RtcpHeader.packetLength(buf, current);
        next = current + currentLength;
        return true;
    }

    /** The offset of the current packet in the buffer, for the wrap of a packet view. */
    public int packetOffset() {
        return current;
    }

    /** The size of the current packet in bytes, header and padding included. */
    public int packetLength() {
        return currentLength;
    }

    public int packetType() {
        return RtcpHeader.packetType(buf, current);
    }

    /** The current packet's count field: RC, SC, subtype or feedback FMT. */
    public int count() {
        return RtcpHeader.count(buf, current);
    }

    public byte[] buffer() {
        return buf;
    }
}
