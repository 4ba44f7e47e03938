package io.parley.wire.codec;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * What the VP8 (RFC 7741 §4.2) and VP9 (RFC 9628 §4.2) payload descriptors share: a view over
 * one packet's bytes, a picture ID with its M bit (7 bits, or 15 over two bytes) and a TL0PICIDX,
 * both of which an SFU rewrites in place to keep them continuous across simulcast layer switches.
 */
abstract class PictureIdDescriptor {
    /** Absent optional fields read as this value. */
    public static final int NONE = -1;

    private byte[] buf;
    private int offset;
    private int length;
    private int headerLength;
    private int pictureId;
    private int pictureIdOffset;
    private boolean longPictureId;
    private int tl0PicIdx;
    private int tl0PicIdxOffset;

    PictureIdDescriptor() {
    }

    /**
     * Points this view at the RTP payload {@code [offset, offset + length)} and reads its descriptor.
     *
     * @throws WireFormatException when the range lies outside {@code buf}, the descriptor is
     *                             malformed or truncated, or no codec data follows it
     */
    public abstract PictureIdDescriptor wrap(byte[] buf, int offset, int length) throws WireFormatException;

    /** Writes the descriptor as read (reserved bits zero) at {@code dst[off]}; returns its length. */
    public abstract int writeTo(byte[] dst, int off);

    /** Clears the shared optional fields before a new packet is read. */
    final void resetShared() {
        pictureId = NONE;
        pictureIdOffset = NONE;
        longPictureId = false;
        tl0PicIdx = NONE;
        tl0PicIdxOffset = NONE;
    }

    /** Reads the picture ID at {@code pos}; returns the index after it. */
    final int readPictureId(byte[] b, int pos, int end, String what) throws WireFormatException {
        Bytes.require(pos, 1, end, what + " picture ID");
        longPictureId = (b[pos] & 0x80) != 0;
        if (longPictureId) {
            Bytes.require(pos, 2, end, what + " 15-bit picture ID");
        }
        pictureIdOffset = pos;
        pictureId = longPictureId ? Bytes.u16(b, pos) & 0x7FFF : b[pos] & 0x7F;
        return pos + (longPictureId ? 2 : 1);
    }

    /** Reads the TL0PICIDX at {@code pos}; returns the index after it. */
    final int readTl0PicIdx(byte[] b, int pos, int end, String what) throws WireFormatException {
        Bytes.require(pos, 1, end, what + " TL0PICIDX");
        tl0PicIdxOffset = pos;
        tl0PicIdx = b[pos] & 0xFF;
        return pos + 1;
    }

    /** Ends a read at {@code pos}, requiring codec data after the descriptor. */
    final void finish(byte[] b, int off, int len, int pos, String what) throws WireFormatException {
        if (pos >= off + len) {
            throw new WireFormatException(what + " payload descriptor: no " + what + " data after " + (pos - off)
                    + " bytes");
        }
        this.buf = b;
        this.offset = off;
        this.length = len;
        this.headerLength = pos - off;
    }

    /** Writes a picture ID (modulo its width) at {@code dst[pos]}; returns the index after it. */
    static int writePictureId(byte[] dst, int pos, int id, boolean isLong) {
        if (isLong) {
            Bytes.put16(dst, pos, 0x8000 | (id & 0x7FFF));
            return pos + 2;
        }
        dst[pos] = (byte) (id & 0x7F);
        return pos + 1;
    }

    final byte[] buffer() {
        return buf;
    }

    /** Bytes of descriptor before the codec data. */
    public int headerLength() {
        return headerLength;
    }

    /** Absolute index in the buffer of the first codec data byte. */
    public int payloadOffset() {
        return offset + headerLength;
    }

    public int payloadLength() {
        return length - headerLength;
    }

    /** The picture ID, or {@link #NONE}. */
    public int pictureId() {
        return pictureId;
    }

    /** M: whether the picture ID is the 15-bit form. */
    public boolean longPictureId() {
        return longPictureId;
    }

    /** TL0PICIDX, or {@link #NONE}. */
    public int tl0PicIdx() {
        return tl0PicIdx;
    }

    /**
     * Writes {@code id} over the packet's picture ID, keeping its width: modulo 2^15 in the long form,
     * modulo 2^7 in the short one (the form cannot change in place without moving the payload).
     *
     * @return false when the packet carries no picture ID
     */
    public boolean rewritePictureId(int id) {
        if (pictureIdOffset == NONE) {
            return false;
        }
        writePictureId(buf, pictureIdOffset, id, longPictureId);
        pictureId = id & (longPictureId ? 0x7FFF : 0x7F);
        return true;
    }

    /** Writes {@code idx} (mod 256) over the packet's TL0PICIDX; false when it carries none. */
    public boolean rewriteTl0PicIdx(int idx) {
        if (tl0PicIdxOffset == NONE) {
            return false;
        }
        buf[tl0PicIdxOffset] = (byte) idx;
        tl0PicIdx = idx & 0xFF;
        return true;
    }
}
