package io.parley.wire.rtcp;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * A view over a generic NACK, RFC 4585 §6.2.1: transport-layer feedback (PT 205) with FMT 1 whose
 * FCI holds one or more pairs of a packet ID (PID) and a bitmask of following lost packets (BLP,
 * bit i set when PID + i + 1 is lost). {@link #nextLost()} walks the lost sequence numbers without
 * allocating; {@link #write} packs a sorted set of them into the fewest pairs.
 */
public final class GenericNack extends FeedbackPacket {
    public static final int FMT = 1;
    private static final int PAIR = 4;

    private int pair;
    private int bit;

    public GenericNack() {
        super(RtcpHeader.PT_RTPFB, FMT, "RTCP NACK");
    }

    @Override
    protected void parseFci(int fci, int end) throws WireFormatException {
        if (end == fci) {
            throw new WireFormatException(name() + ": no PID/BLP pair");
        }
        if ((end - fci) % PAIR != 0) {
            throw new WireFormatException(name() + ": FCI of " + (end - fci) + " bytes is not a whole number of PID/BLP pairs");
        }
        rewind();
    }

    public int pairCount() {
        return (contentEnd - offset - FCI) / PAIR;
    }

    /** The PID of pair {@code index}: the first lost packet it names. */
    public int pid(int index) {
        return Bytes.u16(buf, pairAt(index));
    }

    /** The BLP of pair {@code index}. */
    public int blp(int index) {
        return Bytes.u16(buf, pairAt(index) + 2);
    }

    private int pairAt(int index) {
        if (index < 0 || index >= pairCount()) {
            throw new IndexOutOfBoundsException("NACK pair " + index + " of " + pairCount());
        }
        return offset + FCI + index * PAIR;
    }

    /** Goes back to before the first lost sequence number. */
    public void rewind() {
        pair = 0;
        bit = -1;
    }

    /**
     * The next lost sequence number, in the order the pairs name them (PID first, then the BLP bits
     * from least significant), or -1 after the last.
     */
    public int nextLost() {
        int pairs = pairCount();
        while (pair < pairs) {
            int at = offset + FCI + pair * PAIR;
            int pid = Bytes.u16(buf, at);
            if (bit < 0) {
                bit = 0;
                return pid;
            }
            int blp = Bytes.u16(buf, at + 2) >>> bit;
            if (blp != 0) {
                bit += Integer.numberOfTrailingZeros(blp);
                int seq = (pid + bit + 1) & 0xFFFF;
                bit++;
                return seq;
            }
            pair++;
            bit = -1;
        }
        return -1;
    }

    /**
     * Writes a NACK for the first {@code count} of {@code lost}, sorted in RTP sequence order (so a
     * wrap from 65535 to 0 is in order), and returns its length. Each pair starts at the first number
     * not yet covered and takes every number up to 16 after it, which gives the fewest pairs for a
     * sorted input; duplicates are harmless.
     */
    public static int write(byte[] b, int off, long senderSsrc, long mediaSsrc, int[] lost, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("RTCP NACK: needs at least one lost sequence number");
        }
        int pos = off + FCI;
        int i = 0;
        while (i < count) {
            int pid = lost[i++] & 0xFFFF;
            int blp = 0;
            while (i < count) {
                int distance = (lost[i] - pid) & 0xFFFF;
                if (distance > 16) {
                    break;
                }
                if (distance > 0) {
                    blp |= 1 << (distance - 1);
                }
                i++;
            }
            Bytes.put16(b, pos, pid);
            Bytes.put16(b, pos + 2, blp);
            pos += PAIR;
        }
        writeHeader(b, off, FMT, RtcpHeader.PT_RTPFB, pos - off, senderSsrc, mediaSsrc);
        return pos - off;
    }
}
