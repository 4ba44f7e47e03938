package io.parley.wire.rtcp;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * The common part of the feedback messages of RFC 4585 §6.1: the FMT in the count field, the SSRC
 * of the packet sender and the SSRC of the media source, then the feedback control information
 * (FCI) that each message type defines.
 */
public abstract class FeedbackPacket extends RtcpPacket {
    /** Where the FCI starts, counted from the packet's first byte. */
    protected static final int FCI = RtcpHeader.SIZE + 8;

    private final int fmt;

    protected FeedbackPacket(int packetType, int fmt, String name) {
        super(packetType, name);
        this.fmt = fmt;
    }

    @Override
    protected final void parseBody() throws WireFormatException {
        if (count() != fmt()) {
            throw new WireFormatException(name() + ": FMT " + count() + ", expected " + fmt());
        }
        if (bodyLength() < 8) {
            throw new WireFormatException(name() + ": " + bodyLength()
                    + " bytes after the header, too short for the sender and media SSRCs");
        }
        parseFci(offset + FCI, contentEnd);
    }

    /** The feedback message type this view reads (RFC 4585 §6.1). */
    protected final int fmt() {
        return fmt;
    }

    /** Checks the FCI at {@code [fci, end)}. */
    protected abstract void parseFci(int fci, int end) throws WireFormatException;

    /** SSRC of packet sender. */
    public final long senderSsrc() {
        return Bytes.u32(buf, offset + 4);
    }

    /** SSRC of media source. */
    public final long mediaSsrc() {
        return Bytes.u32(buf, offset + 8);
    }

    /** Writes the header and both SSRCs of a feedback packet of {@code totalLength} bytes; returns the FCI offset. */
    protected static int writeHeader(byte[] b, int off, int fmt, int packetType, int totalLength, long senderSsrc,
            long mediaSsrc) {
        RtcpHeader.write(b, off, fmt, packetType, totalLength);
        Bytes.put32(b, off + 4, senderSsrc);
        Bytes.put32(b, off + 8, mediaSsrc);
        return FCI;
    }
}
