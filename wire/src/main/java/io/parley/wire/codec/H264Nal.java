package io.parley.wire.codec;

/**
 * The one-byte NAL unit header of RFC 6184 §5.3 ({@code F|NRI|Type}) and the NAL unit types the
 * RTP payload format gives meaning to (§5.2): 1..23 a single NAL unit, 24 STAP-A, 28 FU-A.
 */
public final class H264Nal {
    /** Coded slice of an IDR picture: a decoder can start here. */
    public static final int IDR = 5;
    /** Sequence parameter set, which a keyframe carries ahead of its IDR slice. */
    public static final int SPS = 7;
    public static final int PPS = 8;
    /** Single-time aggregation packet, RFC 6184 §5.7.1. */
    public static final int STAP_A = 24;
    /** Fragmentation unit without DON, RFC 6184 §5.8. */
    public static final int FU_A = 28;

    private H264Nal() {
    }

    /** F: the forbidden zero bit; 1 marks a unit known to hold a syntax violation. */
    public static boolean forbidden(int header) {
        return (header & 0x80) != 0;
    }

    /** NRI: 0 when the unit is not used to predict others, up to 3. */
    public static int nri(int header) {
        return (header >>> 5) & 0x03;
    }

    public static int type(int header) {
        return header & 0x1F;
    }

    /** The header byte for {@code f}, {@code nri} and {@code type}. */
    public static int header(boolean f, int nri, int type) {
        return (f ? 0x80 : 0) | (nri & 0x03) << 5 | (type & 0x1F);
    }

    /** Whether a NAL unit of this type begins a picture a decoder can start from (IDR, or the SPS before it). */
    public static boolean startsKeyframe(int type) {
        return type == IDR || type == SPS;
    }
}
