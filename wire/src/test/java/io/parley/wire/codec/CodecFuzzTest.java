package io.parley.wire.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.parley.wire.WireFormatException;

import java.util.Arrays;

/**
 * Round-trip fuzz targets for the codec payload views: whatever wraps must write back, wrap again
 * to the same fields, and survive the in-place rewrites. Seeds live in
 * {@code CodecFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class CodecFuzzTest {

    @FuzzTest
    void vp8(byte[] data) throws WireFormatException {
        Vp8PayloadDescriptor d = new Vp8PayloadDescriptor();
        try {
            d.wrap(data, 0, data.length);
        } catch (WireFormatException e) {
            return;
        }
        byte[] out = rewrapped(d, data);
        Vp8PayloadDescriptor e = new Vp8PayloadDescriptor().wrap(out, 0, out.length);
        check(e.nonReference() == d.nonReference() && e.startOfPartition() == d.startOfPartition()
                && e.partitionIndex() == d.partitionIndex() && e.pictureId() == d.pictureId()
                && e.longPictureId() == d.longPictureId() && e.tl0PicIdx() == d.tl0PicIdx()
                && e.temporalLayer() == d.temporalLayer() && e.layerSync() == d.layerSync()
                && e.keyIdx() == d.keyIdx() && e.isKeyframe() == d.isKeyframe(), "VP8 fields changed", data);
        checkSameHeader(e, out, data);
        checkRewrites(d, new Vp8PayloadDescriptor(), data);
    }

    @FuzzTest
    void vp9(byte[] data) throws WireFormatException {
        Vp9PayloadDescriptor d = new Vp9PayloadDescriptor();
        try {
            d.wrap(data, 0, data.length);
        } catch (WireFormatException e) {
            return;
        }
        byte[] out = rewrapped(d, data);
        Vp9PayloadDescriptor e = new Vp9PayloadDescriptor().wrap(out, 0, out.length);
        boolean same = e.interPicture() == d.interPicture() && e.flexibleMode() == d.flexibleMode()
                && e.startOfFrame() == d.startOfFrame() && e.endOfFrame() == d.endOfFrame()
                && e.notReferenceForUpperLayers() == d.notReferenceForUpperLayers()
                && e.pictureId() == d.pictureId() && e.longPictureId() == d.longPictureId()
                && e.temporalLayer() == d.temporalLayer() && e.switchingUpPoint() == d.switchingUpPoint()
                && e.spatialLayer() == d.spatialLayer() && e.interLayerDependency() == d.interLayerDependency()
                && e.tl0PicIdx() == d.tl0PicIdx() && e.references() == d.references()
                && e.hasScalabilityStructure() == d.hasScalabilityStructure() && e.isKeyframe() == d.isKeyframe()
                && (!d.hasScalabilityStructure() || e.scalabilityStructure().sameAs(d.scalabilityStructure()));
        for (int i = 0; same && i < d.references(); i++) {
            same = e.referenceDiff(i) == d.referenceDiff(i);
        }
        check(same, "VP9 fields changed", data);
        checkSameHeader(e, out, data);
        checkRewrites(d, new Vp9PayloadDescriptor(), data);
    }

    @FuzzTest
    void h264(byte[] data) throws WireFormatException {
        H264Payload p = new H264Payload();
        try {
            p.wrap(data, 0, data.length);
        } catch (WireFormatException e) {
            return;
        }
        boolean keyframe = p.isKeyframe();
        byte[] out = data.clone();
        if (p.isStapA()) {
            StapAReader.writeHeader(out, 0, H264Nal.forbidden(p.header()), H264Nal.nri(p.header()));
            int pos = 1;
            StapAReader units = p.units();
            while (units.next()) {
                pos += StapAReader.writeUnit(out, pos, data, units.unitOffset(), units.unitLength());
            }
            check(pos == data.length, "STAP-A units do not fill the payload", data);
        } else if (p.isFuA()) {
            H264Payload.writeFuAHeader(out, 0, p.fuNalHeader(), p.fuStart(), p.fuEnd());
            out[1] |= (byte) (data[1] & 0x20); // the R bit, which receivers ignore and we do not write
        }
        check(Arrays.equals(out, data), "H.264 payload did not write back", data);
        H264Payload again = new H264Payload().wrap(out, 0, out.length);
        check(again.isKeyframe() == keyframe && again.type() == p.type() && again.fuType() == p.fuType(),
                "H.264 fields changed", data);
    }

    /** Writes the descriptor from its fields, followed by the original codec data. */
    private static byte[] rewrapped(PictureIdDescriptor d, byte[] data) {
        byte[] out = new byte[data.length + 8];
        int n = d.writeTo(out, 0);
        System.arraycopy(data, d.payloadOffset(), out, n, d.payloadLength());
        return Arrays.copyOf(out, n + d.payloadLength());
    }

    /** Writing the re-read descriptor must give the same bytes as the first write. */
    private static void checkSameHeader(PictureIdDescriptor e, byte[] out, byte[] data) {
        byte[] second = new byte[out.length + 8];
        int n = e.writeTo(second, 0);
        check(n == e.headerLength() && Arrays.equals(second, 0, n, out, 0, n), "second write differs", data);
    }

    private static void checkRewrites(PictureIdDescriptor d, PictureIdDescriptor fresh, byte[] data)
            throws WireFormatException {
        int id = data.length * 977;
        boolean hadId = d.rewritePictureId(id);
        boolean hadTl0 = d.rewriteTl0PicIdx(id);
        fresh.wrap(data, 0, data.length);
        check(!hadId || fresh.pictureId() == (id & (fresh.longPictureId() ? 0x7FFF : 0x7F)), "picture ID rewrite", data);
        check(!hadTl0 || fresh.tl0PicIdx() == (id & 0xFF), "TL0PICIDX rewrite", data);
        check(fresh.headerLength() == d.headerLength(), "rewrite moved the payload", data);
    }

    private static void check(boolean ok, String what, byte[] data) {
        if (!ok) {
            throw new AssertionError(what + " for " + io.parley.testkit.Hex.of(data));
        }
    }
}
