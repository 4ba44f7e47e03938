package io.parley.wire.rtcp;

import io.parley.wire.Bytes;

/**
 * A view over an RTCP sender report, RFC 3550 §6.4.1: the sender's SSRC, its sender info (64-bit
 * NTP timestamp, RTP timestamp, sender's packet and octet counts) and RC report blocks.
 */
public final class SenderReport extends ReportPacket {
    private static final int BLOCKS = RtcpHeader.SIZE + 24;

    public SenderReport() {
        super(RtcpHeader.PT_SR, "RTCP SR", BLOCKS);
    }

    /** The 64-bit NTP timestamp: seconds since 1900 in the high word, the fraction in the low word. */
    public long ntpTimestamp() {
        return Bytes.i64(buf, offset + 8);
    }

    public long rtpTimestamp() {
        return Bytes.u32(buf, offset + 16);
    }

    /** The sender's packet count since it started sending. */
    public long packetCount() {
        return Bytes.u32(buf, offset + 20);
    }

    /** The sender's octet count (payload only) since it started sending. */
    public long octetCount() {
        return Bytes.u32(buf, offset + 24);
    }

    /**
     * Writes the header and sender info of an SR with {@code reportCount} blocks and returns 28, the
     * offset at which the caller then writes the blocks with {@link ReportBlock#write}.
     */
    public static int write(byte[] b, int off, long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount,
            long octetCount, int reportCount) {
        RtcpHeader.write(b, off, reportCount, RtcpHeader.PT_SR, BLOCKS + reportCount * ReportBlock.SIZE);
        Bytes.put32(b, off + 4, ssrc);
        Bytes.put64(b, off + 8, ntpTimestamp);
        Bytes.put32(b, off + 16, rtpTimestamp);
        Bytes.put32(b, off + 20, packetCount);
        Bytes.put32(b, off + 24, octetCount);
        return BLOCKS;
    }
}
