package io.parley.wire.rtcp;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * What the SR and RR of RFC 3550 §6.4.1 and §6.4.2 share: the reporter's SSRC right after the
 * header and RC report blocks at a fixed offset (after the sender info in an SR). Bytes after the
 * blocks are profile-specific extensions and are left alone.
 */
public abstract class ReportPacket extends RtcpPacket {
    private final int blocks;

    /** @param blocks where the first report block starts, counted from the packet's first byte */
    protected ReportPacket(int packetType, String name, int blocks) {
        super(packetType, name);
        this.blocks = blocks;
    }

    @Override
    protected final void parseBody() throws WireFormatException {
        RtcpChecks.require(offset + blocks, count() * ReportBlock.SIZE, contentEnd, name(), "with %d report blocks",
                count());
    }

    /** The SSRC of the sender of this report. */
    public final long ssrc() {
        return Bytes.u32(buf, offset + 4);
    }

    /** RC, the number of report blocks. */
    public final int reportCount() {
        return count();
    }

    /** Points {@code into} at report block {@code index} (0 ≤ index &lt; {@link #reportCount()}) and returns it. */
    public final ReportBlock reportBlock(int index, ReportBlock into) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException("report block " + index + " of " + count());
        }
        into.point(buf, offset + blocks + index * ReportBlock.SIZE);
        return into;
    }
}
