package io.parley.wire.codec;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * The VP8 payload descriptor of RFC 7741 §4.2 as a re-pointable view: {@link #wrap} reads the
 * X, N, S and PID bits and the optional I/L/T/K extension (picture ID of 7 or 15 bits, TL0PICIDX,
 * TID/Y/KEYIDX) of a packet in place, without allocating, so one instance serves every packet of
 * a receive loop. {@link #isKeyframe()} follows §4.3; {@link #rewritePictureId} and
 * {@link #rewriteTl0PicIdx} patch the packet's bytes in place, as an SFU switching simulcast
 * layers must keep both continuous for the receiver.
 */
public final class Vp8PayloadDescriptor extends PictureIdDescriptor {
    private boolean nonReference;
    private boolean startOfPartition;
    private int partitionIndex;
    private int tid;
    private boolean layerSync;
    private int keyIdx;

    /**
     * Points this view at the RTP payload {@code [offset, offset + length)} and reads its descriptor.
     *
     * @throws WireFormatException when the range lies outside {@code buf} or the descriptor is
     *                             truncated or leaves no VP8 payload after it
     */
    @Override
    public Vp8PayloadDescriptor wrap(byte[] buf, int offset, int length) throws WireFormatException {
        Bytes.checkRange(buf, offset, length, "VP8 payload descriptor");
        int end = offset + length;
        Bytes.require(offset, 1, end, "VP8 payload descriptor");
        int b0 = buf[offset] & 0xFF;
        nonReference = (b0 & 0x20) != 0;
        startOfPartition = (b0 & 0x10) != 0;
        partitionIndex = b0 & 0x07;
        resetShared();
        tid = NONE;
        layerSync = false;
        keyIdx = NONE;
        int pos = offset + 1;
        if ((b0 & 0x80) != 0) {
            Bytes.require(pos, 1, end, "VP8 extension byte");
            int x = buf[pos++] & 0xFF;
            if ((x & 0x80) != 0) {
                pos = readPictureId(buf, pos, end, "VP8");
            }
            if ((x & 0x40) != 0) {
                pos = readTl0PicIdx(buf, pos, end, "VP8");
            }
            if ((x & 0x30) != 0) {
                Bytes.require(pos, 1, end, "VP8 TID/Y/KEYIDX");
                int t = buf[pos++] & 0xFF;
                if ((x & 0x20) != 0) {
                    tid = t >>> 6;
                    layerSync = (t & 0x20) != 0;
                }
                if ((x & 0x10) != 0) {
                    keyIdx = t & 0x1F;
                }
            }
        }
        finish(buf, offset, length, pos, "VP8");
        return this;
    }

    /** N: the frame may be discarded without affecting any other frame. */
    public boolean nonReference() {
        return nonReference;
    }

    /** S: this packet starts a VP8 partition. */
    public boolean startOfPartition() {
        return startOfPartition;
    }

    /** PID: the partition index, 0..7. */
    public int partitionIndex() {
        return partitionIndex;
    }

    /** TID, the temporal layer index, or {@link #NONE} when T=0. */
    public int temporalLayer() {
        return tid;
    }

    /** Y: layer sync, meaningful only when T=1. */
    public boolean layerSync() {
        return layerSync;
    }

    /** KEYIDX, or {@link #NONE} when K=0. */
    public int keyIdx() {
        return keyIdx;
    }

    /**
     * RFC 7741 §4.3: the packet starts a key frame when S=1, PID=0 and the P bit (the lowest bit of
     * the first byte of the VP8 payload header) is 0.
     */
    public boolean isKeyframe() {
        return startOfPartition && partitionIndex == 0 && (buffer()[payloadOffset()] & 0x01) == 0;
    }

    /**
     * Writes a descriptor with the given fields at {@code dst[off]} and returns its length. The
     * extension byte is written when any optional field is present; reserved bits are zero.
     *
     * @param pictureId   {@link #NONE}, or a picture ID; values above 127 need {@code longPictureId}
     * @param tl0PicIdx   {@link #NONE} or 0..255
     * @param tid         {@link #NONE} or 0..3
     * @param keyIdx      {@link #NONE} or 0..31
     */
    public static int write(byte[] dst, int off, boolean nonReference, boolean startOfPartition, int partitionIndex,
                            int pictureId, boolean longPictureId, int tl0PicIdx, int tid, boolean layerSync,
                            int keyIdx) {
        boolean i = pictureId != NONE;
        boolean l = tl0PicIdx != NONE;
        boolean t = tid != NONE;
        boolean k = keyIdx != NONE;
        boolean x = i || l || t || k;
        int pos = off;
        dst[pos++] = (byte) ((x ? 0x80 : 0) | (nonReference ? 0x20 : 0) | (startOfPartition ? 0x10 : 0)
                | (partitionIndex & 0x07));
        if (!x) {
            return 1;
        }
        dst[pos++] = (byte) ((i ? 0x80 : 0) | (l ? 0x40 : 0) | (t ? 0x20 : 0) | (k ? 0x10 : 0));
        if (i) {
            pos = writePictureId(dst, pos, pictureId, longPictureId);
        }
        if (l) {
            dst[pos++] = (byte) tl0PicIdx;
        }
        if (t || k) {
            dst[pos++] = (byte) ((t ? (tid & 0x03) << 6 : 0) | (t && layerSync ? 0x20 : 0) | (k ? keyIdx & 0x1F : 0));
        }
        return pos - off;
    }

    /** Writes this view's descriptor (as read) at {@code dst[off]}; returns its length. */
    @Override
    public int writeTo(byte[] dst, int off) {
        return write(dst, off, nonReference, startOfPartition, partitionIndex, pictureId(), longPictureId(), tl0PicIdx(),
                tid, layerSync, keyIdx);
    }
}
