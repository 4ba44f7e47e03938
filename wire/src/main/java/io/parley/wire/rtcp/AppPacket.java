package io.parley.wire.rtcp;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * A view over an RTCP APP packet, RFC 3550 §6.7: a 5-bit subtype in the count field, the sender's
 * SSRC, a four-character ASCII name and application-dependent data (a multiple of 32 bits).
 */
public final class AppPacket extends RtcpPacket {
    private static final int DATA = RtcpHeader.SIZE + 8;

    public AppPacket() {
        super(RtcpHeader.PT_APP, "RTCP APP");
    }

    @Override
    protected void parseBody() throws WireFormatException {
        RtcpChecks.require(offset + RtcpHeader.SIZE, 8, contentEnd, name(), "SSRC and name");
        if ((dataLength() & 3) != 0) {
            throw new WireFormatException(name() + ": application-dependent data of " + dataLength()
                    + " bytes is not a multiple of 32 bits");
        }
    }

    public int subtype() {
        return count();
    }

    public long ssrc() {
        return Bytes.u32(buf, offset + 4);
    }

    /** The four name characters as one big-endian int, so that comparing a name allocates nothing. */
    public int name4() {
        return Bytes.i32(buf, offset + 8);
    }

    public int dataOffset() {
        return offset + DATA;
    }

    public int dataLength() {
        return contentEnd - offset - DATA;
    }

    /** Writes an APP packet and returns its length; {@code dataLength} must be a multiple of 4. */
    public static int write(byte[] b, int off, int subtype, long ssrc, int name4, byte[] data, int dataOffset,
            int dataLength) {
        if ((dataLength & 3) != 0) {
            throw new IllegalArgumentException("RTCP APP: data of " + dataLength + " bytes is not a multiple of 4");
        }
        RtcpHeader.write(b, off, subtype, RtcpHeader.PT_APP, DATA + dataLength);
        Bytes.put32(b, off + 4, ssrc);
        Bytes.put32(b, off + 8, name4);
        System.arraycopy(data, dataOffset, b, off + DATA, dataLength);
        return DATA + dataLength;
    }
}
