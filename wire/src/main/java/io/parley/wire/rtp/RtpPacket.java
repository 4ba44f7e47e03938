package io.parley.wire.rtp;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * An RTP packet (RFC 3550 §5.1) with its header extensions (RFC 3550 §5.3.1, RFC 8285) as a
 * view over the caller's bytes. {@link #wrap} re-points one instance at each packet, so the
 * receive path allocates nothing; the setters rewrite the header in place, which is how the SFU
 * gives every player its own SSRC, sequence numbers and timestamps. Parsing validates the
 * version, CSRC list, extension block and every RFC 8285 element in it, and the padding, so
 * that no getter can fail afterwards.
 */
public final class RtpPacket {
    /** The fixed part of the header, before CSRCs. */
    public static final int FIXED_HEADER_LENGTH = 12;
    /** RFC 3550 §5.1: the only version. */
    public static final int VERSION = 2;
    /** {@link #findExtension} answer when the ID is absent. */
    public static final long NOT_FOUND = -1L;

    private final RtpExtensionCursor cursor = new RtpExtensionCursor();
    private byte[] buf;
    private int offset;
    private int length;
    private int headerLength;
    private int paddingLength;
    private int extensionOffset;
    private int extensionLength;
    private int extensionProfile;

    /** Parses the packet that fills {@code b[off, off + len)} into a new view. */
    public static RtpPacket parse(byte[] b, int off, int len) throws WireFormatException {
        return new RtpPacket().wrap(b, off, len);
    }

    /** Re-points this view at the packet that fills {@code b[off, off + len)}. On failure the view holds no packet. */
    public RtpPacket wrap(byte[] b, int off, int len) throws WireFormatException {
        buf = null;
        Bytes.checkRange(b, off, len, "RTP");
        int end = off + len;
        Bytes.require(off, FIXED_HEADER_LENGTH, end, "RTP header");
        int version = (b[off] & 0xC0) >>> 6;
        if (version != VERSION) {
            throw new WireFormatException("RTP: version " + version + ", expected 2");
        }
        int csrcCount = b[off] & 0x0F;
        int at = off + FIXED_HEADER_LENGTH;
        if (at + 4 * csrcCount > end) {
            // Checked here rather than through Bytes.require so the message is built only on failure.
            throw new WireFormatException("RTP: CSRC list of " + csrcCount + " truncated, " + (end - at)
                    + " bytes after the fixed header");
        }
        at += 4 * csrcCount;
        int profile = -1;
        int dataOffset = at;
        int dataLength = 0;
        if ((b[off] & 0x10) != 0) {
            Bytes.require(at, 4, end, "RTP header extension header");
            profile = Bytes.u16(b, at);
            dataLength = 4 * Bytes.u16(b, at + 2);
            dataOffset = at + 4;
            if (dataLength > end - dataOffset) {
                throw new WireFormatException("RTP: header extension of " + dataLength + " bytes truncated, "
                        + (end - dataOffset) + " bytes left");
            }
            cursor.reset(b, dataOffset, dataLength, profile);
            cursor.validate();
            at = dataOffset + dataLength;
        }
        int padding = 0;
        if ((b[off] & 0x20) != 0) {
            padding = b[end - 1] & 0xFF;
            if (padding == 0) {
                throw new WireFormatException("RTP: padding bit set with a padding length of 0");
            }
            if (padding > end - at) {
                throw new WireFormatException("RTP: padding length " + padding + " longer than the " + (end - at)
                        + " bytes after the header");
            }
        }
        buf = b;
        offset = off;
        length = len;
        headerLength = at - off;
        paddingLength = padding;
        extensionProfile = profile;
        extensionOffset = dataOffset;
        extensionLength = dataLength;
        return this;
    }

    /** The buffer this view reads and rewrites. */
    public byte[] buffer() {
        return buf;
    }

    /** Where the packet starts in {@link #buffer()}. */
    public int offset() {
        return offset;
    }

    /** The whole packet length, padding included. */
    public int length() {
        return length;
    }

    /** The header length: fixed part, CSRCs and extension block. */
    public int headerLength() {
        return headerLength;
    }

    /** Where the payload starts in {@link #buffer()}. */
    public int payloadOffset() {
        return offset + headerLength;
    }

    /** The payload length, padding excluded. */
    public int payloadLength() {
        return length - headerLength - paddingLength;
    }

    /** The padding length including its count byte, 0 without the P bit. */
    public int paddingLength() {
        return paddingLength;
    }

    /** Whether the P bit is set. */
    public boolean hasPadding() {
        return (buf[offset] & 0x20) != 0;
    }

    /** Whether the X bit is set. */
    public boolean hasExtension() {
        return (buf[offset] & 0x10) != 0;
    }

    /** The CC field: how many CSRCs follow the SSRC. */
    public int csrcCount() {
        return buf[offset] & 0x0F;
    }

    /** CSRC {@code index} as an unsigned 32-bit value. */
    public long csrc(int index) {
        if (index < 0 || index >= csrcCount()) {
            throw new IndexOutOfBoundsException("RTP CSRC " + index + " of " + csrcCount());
        }
        return Bytes.u32(buf, offset + FIXED_HEADER_LENGTH + 4 * index);
    }

    /** The M bit. */
    public boolean marker() {
        return (buf[offset + 1] & 0x80) != 0;
    }

    /** The 7-bit payload type. */
    public int payloadType() {
        return buf[offset + 1] & 0x7F;
    }

    /** The 16-bit sequence number. */
    public int sequenceNumber() {
        return Bytes.u16(buf, offset + 2);
    }

    /** The 32-bit timestamp, unsigned. */
    public long timestamp() {
        return Bytes.u32(buf, offset + 4);
    }

    /** The SSRC, unsigned. */
    public long ssrc() {
        return Bytes.u32(buf, offset + 8);
    }

    /** Rewrites the marker bit in place. */
    public void setMarker(boolean marker) {
        buf[offset + 1] = (byte) (marker ? buf[offset + 1] | 0x80 : buf[offset + 1] & 0x7F);
    }

    /** Rewrites the payload type (0-127) in place. */
    public void setPayloadType(int payloadType) {
        if ((payloadType & ~0x7F) != 0) {
            throw new IllegalArgumentException("RTP payload type must be 0-127: " + payloadType);
        }
        buf[offset + 1] = (byte) ((buf[offset + 1] & 0x80) | payloadType);
    }

    /** Rewrites the sequence number in place; only the low 16 bits are kept, so callers may pass a running counter. */
    public void setSequenceNumber(int sequenceNumber) {
        Bytes.put16(buf, offset + 2, sequenceNumber);
    }

    /** Rewrites the timestamp in place; only the low 32 bits are kept. */
    public void setTimestamp(long timestamp) {
        Bytes.put32(buf, offset + 4, timestamp);
    }

    /** Rewrites the SSRC in place; only the low 32 bits are kept. */
    public void setSsrc(long ssrc) {
        Bytes.put32(buf, offset + 8, ssrc);
    }

    /** The extension block's profile (0xBEDE, 0x100x or another), or -1 without the X bit. */
    public int extensionProfile() {
        return extensionProfile;
    }

    /** Where the extension data (after profile and length) starts in {@link #buffer()}. */
    public int extensionDataOffset() {
        return extensionOffset;
    }

    /** The extension data length in bytes, a multiple of 4. */
    public int extensionDataLength() {
        return extensionLength;
    }

    /**
     * Finds the first RFC 8285 element with {@code id} and packs where its value is as
     * {@code (valueOffset << 32) | valueLength}, or {@link #NOT_FOUND}; see {@link #valueOffset}
     * and {@link #valueLength}. Allocation-free.
     */
    public long findExtension(int id) {
        if (extensionProfile < 0) {
            return NOT_FOUND;
        }
        cursor.reset(this);
        while (cursor.next()) {
            if (cursor.id() == id) {
                return ((long) cursor.valueOffset() << 32) | cursor.valueLength();
            }
        }
        return NOT_FOUND;
    }

    /** The value offset in a {@link #findExtension} answer. */
    public static int valueOffset(long found) {
        return (int) (found >>> 32);
    }

    /** The value length in a {@link #findExtension} answer. */
    public static int valueLength(long found) {
        return (int) found;
    }

    /**
     * Overwrites the value of extension {@code id} in place with the low bytes of {@code value},
     * big-endian over the element's whole length (e.g. 3 bytes of abs-send-time, 2 bytes of a
     * transport-wide sequence number). Returns false when the packet has no such element or
     * its value is longer than 8 bytes.
     */
    public boolean rewriteExtension(int id, long value) {
        long found = findExtension(id);
        if (found == NOT_FOUND || valueLength(found) > 8) {
            return false;
        }
        int at = valueOffset(found);
        for (int i = valueLength(found) - 1; i >= 0; i--) {
            buf[at + i] = (byte) value;
            value >>>= 8;
        }
        return true;
    }
}
