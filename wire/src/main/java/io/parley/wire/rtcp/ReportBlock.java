package io.parley.wire.rtcp;

import io.parley.wire.Bytes;

/**
 * A view over one 24-byte reception report block of an SR or RR (RFC 3550 §6.4.1): the source it
 * reports on, fraction lost, cumulative number of packets lost (signed 24 bits), extended highest
 * sequence number received, interarrival jitter, last SR (LSR) and delay since last SR (DLSR).
 * Pointed by {@link SenderReport#reportBlock} and {@link ReceiverReport#reportBlock}.
 */
public final class ReportBlock {
    /** The size of a report block in bytes. */
    public static final int SIZE = 24;

    private byte[] buf;
    private int offset;

    void point(byte[] buf, int offset) {
        this.buf = buf;
        this.offset = offset;
    }

    /** SSRC_n, the source this block reports on. */
    public long ssrc() {
        return Bytes.u32(buf, offset);
    }

    /** Fraction of packets lost since the previous report, in units of 1/256. */
    public int fractionLost() {
        return Bytes.u8(buf, offset + 4);
    }

    /** Cumulative number of packets lost, a signed 24-bit value (negative when duplicates arrived). */
    public int cumulativeLost() {
        return (Bytes.u24(buf, offset + 5) << 8) >> 8;
    }

    public long extendedHighestSequence() {
        return Bytes.u32(buf, offset + 8);
    }

    /** Interarrival jitter in RTP timestamp units. */
    public long jitter() {
        return Bytes.u32(buf, offset + 12);
    }

    /** LSR: the middle 32 bits of the NTP timestamp of the last SR received from this source. */
    public long lastSenderReport() {
        return Bytes.u32(buf, offset + 16);
    }

    /** DLSR: the delay since that SR, in units of 1/65536 seconds. */
    public long delaySinceLastSenderReport() {
        return Bytes.u32(buf, offset + 20);
    }

    /**
     * Writes a report block at {@code off} and returns its size.
     *
     * @param cumulativeLost clamped to the signed 24-bit range, as RFC 3550 §6.4.1 asks
     */
    public static int write(byte[] b, int off, long ssrc, int fractionLost, int cumulativeLost,
            long extendedHighestSequence, long jitter, long lastSenderReport, long delaySinceLastSenderReport) {
        Bytes.put32(b, off, ssrc);
        Bytes.put8(b, off + 4, fractionLost);
        Bytes.put24(b, off + 5, Math.max(-0x800000, Math.min(0x7FFFFF, cumulativeLost)));
        Bytes.put32(b, off + 8, extendedHighestSequence);
        Bytes.put32(b, off + 12, jitter);
        Bytes.put32(b, off + 16, lastSenderReport);
        Bytes.put32(b, off + 20, delaySinceLastSenderReport);
        return SIZE;
    }
}
