package io.parley.wire.rtcp;

import io.parley.wire.Bytes;

/** A view over an RTCP receiver report, RFC 3550 §6.4.2: the reporter's SSRC and RC report blocks. */
public final class ReceiverReport extends ReportPacket {
    private static final int BLOCKS = RtcpHeader.SIZE + 4;

    public ReceiverReport() {
        super(RtcpHeader.PT_RR, "RTCP RR", BLOCKS);
    }

    /**
     * Writes the header of an RR with {@code reportCount} blocks and returns 8, the offset at which
     * the caller then writes the blocks with {@link ReportBlock#write}.
     */
    public static int write(byte[] b, int off, long ssrc, int reportCount) {
        RtcpHeader.write(b, off, reportCount, RtcpHeader.PT_RR, BLOCKS + reportCount * ReportBlock.SIZE);
        Bytes.put32(b, off + 4, ssrc);
        return BLOCKS;
    }
}
