package io.parley.wire.codec;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * The scalability structure (SS) of RFC 9628 §4.2.1, carried when V=1: the number of spatial
 * layers, optionally their resolutions (Y), and optionally the picture group (G) of up to 255
 * pictures, each with TID, U and up to 3 reference P_DIFFs. The arrays are sized once, so reading
 * allocates nothing after construction.
 */
public final class Vp9ScalabilityStructure {
    /** N_S is 3 bits: at most 8 spatial layers. */
    public static final int MAX_SPATIAL_LAYERS = 8;
    /** N_G is 8 bits. */
    public static final int MAX_PICTURES = 255;

    private int spatialLayers;
    private boolean hasResolutions;
    private boolean hasPictureGroup;
    private int pictures;
    private final int[] width = new int[MAX_SPATIAL_LAYERS];
    private final int[] height = new int[MAX_SPATIAL_LAYERS];
    private final int[] pictureTid = new int[MAX_PICTURES];
    private final boolean[] pictureSwitch = new boolean[MAX_PICTURES];
    private final int[] pictureRefs = new int[MAX_PICTURES];
    private final int[] pictureDiff = new int[MAX_PICTURES * 3];

    /** Reads the SS at {@code buf[pos]}; returns the index after it. */
    int read(byte[] buf, int pos, int end) throws WireFormatException {
        Bytes.require(pos, 1, end, "VP9 SS");
        int b = buf[pos++] & 0xFF;
        spatialLayers = (b >>> 5) + 1;
        hasResolutions = (b & 0x10) != 0;
        hasPictureGroup = (b & 0x08) != 0;
        pictures = 0;
        if (hasResolutions) {
            Bytes.require(pos, 4 * spatialLayers, end, "VP9 SS resolutions");
            for (int i = 0; i < spatialLayers; i++) {
                width[i] = Bytes.u16(buf, pos);
                height[i] = Bytes.u16(buf, pos + 2);
                pos += 4;
            }
        }
        if (hasPictureGroup) {
            Bytes.require(pos, 1, end, "VP9 SS N_G");
            pictures = buf[pos++] & 0xFF;
            for (int i = 0; i < pictures; i++) {
                Bytes.require(pos, 1, end, "VP9 SS picture " + i);
                int p = buf[pos++] & 0xFF;
                pictureTid[i] = p >>> 5;
                pictureSwitch[i] = (p & 0x10) != 0;
                int refs = (p >>> 2) & 0x03;
                pictureRefs[i] = refs;
                Bytes.require(pos, refs, end, "VP9 SS picture " + i + " P_DIFF");
                for (int r = 0; r < refs; r++) {
                    pictureDiff[3 * i + r] = buf[pos++] & 0xFF;
                }
            }
        }
        return pos;
    }

    /** Writes the SS as read at {@code dst[off]}; returns the index after it. */
    int write(byte[] dst, int off) {
        int pos = off;
        dst[pos++] = (byte) ((spatialLayers - 1) << 5 | (hasResolutions ? 0x10 : 0) | (hasPictureGroup ? 0x08 : 0));
        if (hasResolutions) {
            for (int i = 0; i < spatialLayers; i++) {
                Bytes.put16(dst, pos, width[i]);
                Bytes.put16(dst, pos + 2, height[i]);
                pos += 4;
            }
        }
        if (hasPictureGroup) {
            dst[pos++] = (byte) pictures;
            for (int i = 0; i < pictures; i++) {
                dst[pos++] = (byte) (pictureTid[i] << 5 | (pictureSwitch[i] ? 0x10 : 0) | pictureRefs[i] << 2);
                for (int r = 0; r < pictureRefs[i]; r++) {
                    dst[pos++] = (byte) pictureDiff[3 * i + r];
                }
            }
        }
        return pos;
    }

    /** N_S + 1: the number of spatial layers. */
    public int spatialLayers() {
        return spatialLayers;
    }

    /** Y: whether widths and heights are present. */
    public boolean hasResolutions() {
        return hasResolutions;
    }

    public int width(int spatialLayer) {
        return width[spatialLayer];
    }

    public int height(int spatialLayer) {
        return height[spatialLayer];
    }

    /** G: whether a picture group description is present. */
    public boolean hasPictureGroup() {
        return hasPictureGroup;
    }

    /** N_G: pictures in the group. */
    public int pictures() {
        return pictures;
    }

    public int pictureTemporalLayer(int picture) {
        return pictureTid[picture];
    }

    /** U of a picture in the group: switching up to its temporal layer is possible there. */
    public boolean pictureSwitchingPoint(int picture) {
        return pictureSwitch[picture];
    }

    /** R: how many references (0..3) the picture has. */
    public int pictureReferences(int picture) {
        return pictureRefs[picture];
    }

    public int pictureReferenceDiff(int picture, int reference) {
        return pictureDiff[3 * picture + reference];
    }

    /** Whether both describe the same structure, field by field. */
    public boolean sameAs(Vp9ScalabilityStructure o) {
        if (o.spatialLayers != spatialLayers || o.hasResolutions != hasResolutions
                || o.hasPictureGroup != hasPictureGroup || o.pictures != pictures) {
            return false;
        }
        for (int i = 0; hasResolutions && i < spatialLayers; i++) {
            if (o.width[i] != width[i] || o.height[i] != height[i]) {
                return false;
            }
        }
        for (int i = 0; i < pictures; i++) {
            if (o.pictureTid[i] != pictureTid[i] || o.pictureSwitch[i] != pictureSwitch[i]
                    || o.pictureRefs[i] != pictureRefs[i]) {
                return false;
            }
            for (int r = 0; r < pictureRefs[i]; r++) {
                if (o.pictureDiff[3 * i + r] != pictureDiff[3 * i + r]) {
                    return false;
                }
            }
        }
        return true;
    }
}
