package io.parley.wire.codec;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * The VP9 payload descriptor of RFC 9628 §4.2 as a re-pointable view, in both modes: the
 * I/P/L/F/B/E/V/Z bits, the 7- or 15-bit picture ID, the layer indices (TID, U, SID, D and, in
 * non-flexible mode, TL0PICIDX), up to three reference P_DIFFs in flexible mode, and the
 * {@link Vp9ScalabilityStructure} when V=1. Reading and {@link #writeTo} allocate nothing.
 */
public final class Vp9PayloadDescriptor extends PictureIdDescriptor {
    private static final int MAX_REFERENCES = 3;

    private final Vp9ScalabilityStructure ss = new Vp9ScalabilityStructure();
    private final int[] pDiff = new int[MAX_REFERENCES];
    private int flags;
    private int tid;
    private boolean switchingUp;
    private int sid;
    private boolean interLayerDependency;
    private int references;

    /**
     * Points this view at the RTP payload {@code [offset, offset + length)} and reads its descriptor.
     *
     * @throws WireFormatException when the range is outside {@code buf}, the descriptor is truncated,
     *                             a fourth P_DIFF is announced, or no VP9 data follows
     */
    @Override
    public Vp9PayloadDescriptor wrap(byte[] buf, int offset, int length) throws WireFormatException {
        Bytes.checkRange(buf, offset, length, "VP9 payload descriptor");
        int end = offset + length;
        Bytes.require(offset, 1, end, "VP9 payload descriptor");
        int f = buf[offset] & 0xFF;
        int pos = offset + 1;
        resetShared();
        tid = NONE;
        switchingUp = false;
        sid = NONE;
        interLayerDependency = false;
        references = 0;
        if ((f & 0x80) != 0) {
            pos = readPictureId(buf, pos, end, "VP9");
        }
        boolean flexible = (f & 0x10) != 0;
        if ((f & 0x20) != 0) {
            Bytes.require(pos, 1, end, "VP9 layer indices");
            int l = buf[pos++] & 0xFF;
            tid = l >>> 5;
            switchingUp = (l & 0x10) != 0;
            sid = (l >>> 1) & 0x07;
            interLayerDependency = (l & 0x01) != 0;
            if (!flexible) {
                pos = readTl0PicIdx(buf, pos, end, "VP9");
            }
        }
        if (flexible && (f & 0x40) != 0) {
            boolean more = true;
            while (more) {
                if (references == MAX_REFERENCES) {
                    throw new WireFormatException("VP9: more than " + MAX_REFERENCES + " P_DIFF references");
                }
                Bytes.require(pos, 1, end, "VP9 P_DIFF");
                int d = buf[pos++] & 0xFF;
                pDiff[references++] = d >>> 1;
                more = (d & 0x01) != 0;
            }
        }
        if ((f & 0x02) != 0) {
            pos = ss.read(buf, pos, end);
        }
        finish(buf, offset, length, pos, "VP9");
        this.flags = f;
        return this;
    }

    /** P: the picture is inter-predicted (not a key picture). */
    public boolean interPicture() {
        return (flags & 0x40) != 0;
    }

    /** F: flexible mode. */
    public boolean flexibleMode() {
        return (flags & 0x10) != 0;
    }

    /** B: the packet starts a layer frame. */
    public boolean startOfFrame() {
        return (flags & 0x08) != 0;
    }

    /** E: the packet ends a layer frame. */
    public boolean endOfFrame() {
        return (flags & 0x04) != 0;
    }

    /** Z: the frame is not used for prediction by upper spatial layers. */
    public boolean notReferenceForUpperLayers() {
        return (flags & 0x01) != 0;
    }

    /** L: whether layer indices are present. */
    public boolean hasLayerIndices() {
        return (flags & 0x20) != 0;
    }

    /** TID, or {@link #NONE}. */
    public int temporalLayer() {
        return tid;
    }

    /** U: switching up to this temporal layer is possible here. */
    public boolean switchingUpPoint() {
        return switchingUp;
    }

    /** SID, or {@link #NONE}. */
    public int spatialLayer() {
        return sid;
    }

    /** D: the frame depends on the frame of the spatial layer below. */
    public boolean interLayerDependency() {
        return interLayerDependency;
    }

    /** How many P_DIFF references follow (flexible mode with P=1), 0..3. */
    public int references() {
        return references;
    }

    /** The {@code i}-th P_DIFF: the reference is the picture {@code pictureId - diff}. */
    public int referenceDiff(int i) {
        return pDiff[i];
    }

    /** V: whether a scalability structure is present; then {@link #scalabilityStructure} holds it. */
    public boolean hasScalabilityStructure() {
        return (flags & 0x02) != 0;
    }

    public Vp9ScalabilityStructure scalabilityStructure() {
        return ss;
    }

    /** RFC 9628: a key picture starts here when P=0, B=1 and the layer is the base spatial layer (or unlayered). */
    public boolean isKeyframe() {
        return !interPicture() && startOfFrame() && (sid == NONE || sid == 0);
    }

    /** Writes the descriptor as read (reserved bits zero) at {@code dst[off]}; returns its length. */
    @Override
    public int writeTo(byte[] dst, int off) {
        int pos = off;
        dst[pos++] = (byte) (flags & 0xFF);
        if (pictureId() != NONE) {
            pos = writePictureId(dst, pos, pictureId(), longPictureId());
        }
        if (hasLayerIndices()) {
            dst[pos++] = (byte) (tid << 5 | (switchingUp ? 0x10 : 0) | sid << 1 | (interLayerDependency ? 1 : 0));
            if (!flexibleMode()) {
                dst[pos++] = (byte) tl0PicIdx();
            }
        }
        for (int i = 0; i < references; i++) {
            dst[pos++] = (byte) (pDiff[i] << 1 | (i + 1 < references ? 1 : 0));
        }
        if (hasScalabilityStructure()) {
            pos = ss.write(dst, pos);
        }
        return pos - off;
    }
}
