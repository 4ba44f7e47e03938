package io.parley.wire.rtp;

import io.parley.wire.Bytes;

/**
 * Writes an RTP header (RFC 3550 §5.1) with CSRCs and RFC 8285 header extensions into a
 * caller-provided buffer. The extension form is chosen automatically: the one-byte form (§4.2)
 * unless an element has an ID above 14 or a value of 0 or more than 16 bytes, which only the
 * two-byte form (§4.3) can carry. The writer is reusable and allocation-free after construction:
 * {@link #reset} clears it, extension values are referenced (not copied) until {@link #writeTo}.
 * Misuse (out-of-range fields, a full buffer) throws an unchecked exception: it is a bug of the
 * caller, never a property of received bytes.
 */
public final class RtpHeaderWriter {
    private static final int MAX_CSRCS = 15;

    private final long[] csrcs = new long[MAX_CSRCS];
    private final int[] ids;
    private final byte[][] values;
    private final int[] valueOffsets;
    private final int[] valueLengths;
    private boolean marker;
    private int payloadType;
    private int sequenceNumber;
    private long timestamp;
    private long ssrc;
    private int csrcCount;
    private int extensionCount;
    private int rawProfile = -1;
    private byte[] rawData;
    private int rawOffset;
    private int rawLength;

    /** A writer for up to 16 extension elements. */
    public RtpHeaderWriter() {
        this(16);
    }

    /** A writer for up to {@code maxExtensions} extension elements. */
    public RtpHeaderWriter(int maxExtensions) {
        ids = new int[maxExtensions];
        values = new byte[maxExtensions][];
        valueOffsets = new int[maxExtensions];
        valueLengths = new int[maxExtensions];
    }

    /** Clears every field, CSRC and extension. */
    public RtpHeaderWriter reset() {
        marker = false;
        payloadType = 0;
        sequenceNumber = 0;
        timestamp = 0;
        ssrc = 0;
        csrcCount = 0;
        rawProfile = -1;
        rawData = null;
        for (int i = 0; i < extensionCount; i++) {
            values[i] = null;
        }
        extensionCount = 0;
        return this;
    }

    /** The M bit. */
    public RtpHeaderWriter marker(boolean value) {
        marker = value;
        return this;
    }

    /** The payload type, 0-127. */
    public RtpHeaderWriter payloadType(int value) {
        if ((value & ~0x7F) != 0) {
            throw new IllegalArgumentException("RTP payload type must be 0-127: " + value);
        }
        payloadType = value;
        return this;
    }

    /** The sequence number; the low 16 bits are written. */
    public RtpHeaderWriter sequenceNumber(int value) {
        sequenceNumber = value & 0xFFFF;
        return this;
    }

    /** The timestamp; the low 32 bits are written. */
    public RtpHeaderWriter timestamp(long value) {
        timestamp = value & 0xFFFF_FFFFL;
        return this;
    }

    /** The SSRC; the low 32 bits are written. */
    public RtpHeaderWriter ssrc(long value) {
        ssrc = value & 0xFFFF_FFFFL;
        return this;
    }

    /** Appends a CSRC (at most 15). */
    public RtpHeaderWriter csrc(long value) {
        if (csrcCount == MAX_CSRCS) {
            throw new IllegalStateException("RTP carries at most 15 CSRCs");
        }
        csrcs[csrcCount++] = value & 0xFFFF_FFFFL;
        return this;
    }

    /**
     * Appends an RFC 8285 element: {@code id} 1-255 and a value of 0-255 bytes referenced at
     * {@code src[offset, offset + length)} until {@link #writeTo}.
     */
    public RtpHeaderWriter extension(int id, byte[] src, int offset, int length) {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("RTP header extension ID must be 1-255: " + id);
        }
        if (length < 0 || length > 255) {
            throw new IllegalArgumentException("RTP header extension value must be 0-255 bytes: " + length);
        }
        if (extensionCount == ids.length) {
            throw new IllegalStateException("RTP header writer holds at most " + ids.length + " extensions");
        }
        if (rawProfile >= 0) {
            throw new IllegalStateException("RTP header already has a raw extension block");
        }
        ids[extensionCount] = id;
        values[extensionCount] = src;
        valueOffsets[extensionCount] = offset;
        valueLengths[extensionCount] = length;
        extensionCount++;
        return this;
    }

    /**
     * Sets an extension block of another profile (RFC 3550 §5.3.1), written as given:
     * {@code length} must be a multiple of 4.
     */
    public RtpHeaderWriter rawExtension(int profile, byte[] src, int offset, int length) {
        if (extensionCount > 0) {
            throw new IllegalStateException("RTP header already has RFC 8285 extensions");
        }
        if ((length & 3) != 0 || length > 4 * 0xFFFF || (profile & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("RTP raw extension: profile " + profile + ", length " + length);
        }
        rawProfile = profile;
        rawData = src;
        rawOffset = offset;
        rawLength = length;
        return this;
    }

    /** Whether the elements need the two-byte form. */
    private boolean needsTwoByteForm() {
        for (int i = 0; i < extensionCount; i++) {
            if (ids[i] > 14 || valueLengths[i] == 0 || valueLengths[i] > 16) {
                return true;
            }
        }
        return false;
    }

    private int extensionDataLength(boolean twoByte) {
        if (rawProfile >= 0) {
            return rawLength;
        }
        int n = 0;
        for (int i = 0; i < extensionCount; i++) {
            n += (twoByte ? 2 : 1) + valueLengths[i];
        }
        return Bytes.pad4(n);
    }

    private boolean hasExtension() {
        return rawProfile >= 0 || extensionCount > 0;
    }

    /** The length {@link #writeTo} will write. */
    public int headerLength() {
        int n = RtpPacket.FIXED_HEADER_LENGTH + 4 * csrcCount;
        return hasExtension() ? n + 4 + extensionDataLength(needsTwoByteForm()) : n;
    }

    /** Writes the header at {@code offset} and returns its length; the payload goes right after it. */
    public int writeTo(byte[] out, int offset) {
        boolean twoByte = needsTwoByteForm();
        int dataLength = hasExtension() ? extensionDataLength(twoByte) : 0;
        int total = RtpPacket.FIXED_HEADER_LENGTH + 4 * csrcCount + (hasExtension() ? 4 + dataLength : 0);
        if (offset < 0 || offset > out.length - total) {
            throw new IllegalStateException("RTP: buffer of " + out.length + " bytes too small for a " + total
                    + "-byte header at " + offset);
        }
        if (dataLength > 4 * 0xFFFF) {
            throw new IllegalStateException("RTP: extension block of " + dataLength + " bytes does not fit");
        }
        out[offset] = (byte) ((RtpPacket.VERSION << 6) | (hasExtension() ? 0x10 : 0) | csrcCount);
        out[offset + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        Bytes.put16(out, offset + 2, sequenceNumber);
        Bytes.put32(out, offset + 4, timestamp);
        Bytes.put32(out, offset + 8, ssrc);
        int at = offset + RtpPacket.FIXED_HEADER_LENGTH;
        for (int i = 0; i < csrcCount; i++, at += 4) {
            Bytes.put32(out, at, csrcs[i]);
        }
        if (hasExtension()) {
            writeExtensionBlock(out, at, twoByte, dataLength);
        }
        return total;
    }

    private void writeExtensionBlock(byte[] out, int at, boolean twoByte, int dataLength) {
        int profile = rawProfile >= 0 ? rawProfile
                : twoByte ? RtpExtensionCursor.TWO_BYTE_PROFILE : RtpExtensionCursor.ONE_BYTE_PROFILE;
        Bytes.put16(out, at, profile);
        Bytes.put16(out, at + 2, dataLength / 4);
        at += 4;
        if (rawProfile >= 0) {
            System.arraycopy(rawData, rawOffset, out, at, rawLength);
            return;
        }
        int end = at + dataLength;
        for (int i = 0; i < extensionCount; i++) {
            if (twoByte) {
                out[at++] = (byte) ids[i];
                out[at++] = (byte) valueLengths[i];
            } else {
                out[at++] = (byte) ((ids[i] << 4) | (valueLengths[i] - 1));
            }
            System.arraycopy(values[i], valueOffsets[i], out, at, valueLengths[i]);
            at += valueLengths[i];
        }
        while (at < end) {
            out[at++] = 0;
        }
    }

    /**
     * Appends RFC 3550 §5.1 padding to the packet at {@code packetOffset} whose payload ends at
     * {@code end}: sets the P bit and writes {@code paddingLength} bytes (1-255), the last one
     * being the count. Returns the new end of the packet.
     */
    public static int addPadding(byte[] out, int packetOffset, int end, int paddingLength) {
        if (paddingLength < 1 || paddingLength > 255) {
            throw new IllegalArgumentException("RTP padding must be 1-255 bytes: " + paddingLength);
        }
        if (end > out.length - paddingLength) {
            throw new IllegalStateException("RTP: no room for " + paddingLength + " bytes of padding");
        }
        out[packetOffset] |= 0x20;
        for (int i = end; i < end + paddingLength - 1; i++) {
            out[i] = 0;
        }
        out[end + paddingLength - 1] = (byte) paddingLength;
        return end + paddingLength;
    }
}
