package io.parley.wire.rtcp;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * A re-pointable view over one RTCP packet (RFC 3550 §6.4): {@link #wrap} checks the common header
 * and the body once, after which the accessors read the bytes in place without allocating. After a
 * failed {@code wrap} the view holds no packet and must be wrapped again before use.
 */
public abstract class RtcpPacket {
    private final int packetType;
    private final String name;
    protected byte[] buf;
    protected int offset;
    protected int length;
    /** The end of the content: the packet's end less its padding. */
    protected int contentEnd;

    /** @param packetType the type this view reads; @param name the structure's name for messages, e.g. "RTCP SR" */
    protected RtcpPacket(int packetType, String name) {
        this.packetType = packetType;
        this.name = name;
    }

    /**
     * Points this view at the packet of exactly {@code length} bytes at {@code offset}, e.g. the
     * current packet of an {@link RtcpCompound}.
     */
    public final void wrap(byte[] buf, int offset, int length) throws WireFormatException {
        this.buf = null;
        Bytes.checkRange(buf, offset, length, name());
        int declared = RtcpHeader.checkedLength(buf, offset, length, name(), -1);
        if (declared != length) {
            throw new WireFormatException(name() + ": length field says " + declared + " bytes, packet has "
                    + length);
        }
        if (RtcpHeader.packetType(buf, offset) != packetType()) {
            throw new WireFormatException(name() + ": packet type " + RtcpHeader.packetType(buf, offset)
                    + ", expected " + packetType());
        }
        this.buf = buf;
        this.offset = offset;
        this.length = length;
        this.contentEnd = RtcpHeader.contentEnd(buf, offset, length);
        parseBody();
    }

    /** The packet type this view reads. */
    protected final int packetType() {
        return packetType;
    }

    /** The structure's name for messages. */
    protected final String name() {
        return name;
    }

    /** Checks the body between {@code offset + 4} and {@link #contentEnd}; the header is already checked. */
    protected abstract void parseBody() throws WireFormatException;

    /** The 5-bit count field of the header. */
    public final int count() {
        return RtcpHeader.count(buf, offset);
    }

    /** The buffer the view reads, for offsets such as an SDES item's text or APP data. */
    public final byte[] buffer() {
        return buf;
    }

    /** Where the packet starts in {@link #buffer()}. */
    public final int offset() {
        return offset;
    }

    /** The whole packet's size in bytes, header and padding included. */
    public final int length() {
        return length;
    }

    /** The number of content bytes after the header, padding excluded. */
    protected final int bodyLength() {
        return contentEnd - offset - RtcpHeader.SIZE;
    }
}
