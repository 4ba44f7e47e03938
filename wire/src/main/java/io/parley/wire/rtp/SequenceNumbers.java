package io.parley.wire.rtp;

/**
 * Arithmetic on 16-bit RTP sequence numbers (RFC 3550 §5.1) across wrap-around, in the
 * serial-number sense of RFC 1982: {@code a} is newer than {@code b} when it is less than half
 * the number space ahead. Exactly half way is undefined by RFC 1982; here the numerically larger
 * one is newer, so that {@link #compare} stays antisymmetric.
 */
public final class SequenceNumbers {
    /** 2^16, the sequence number space. */
    public static final int MODULUS = 1 << 16;
    private static final int HALF = MODULUS / 2;

    private SequenceNumbers() {
    }

    /** Whether {@code a} comes after {@code b}. */
    public static boolean isNewer(int a, int b) {
        int forward = (a - b) & 0xFFFF;
        if (forward == HALF) {
            return (a & 0xFFFF) > (b & 0xFFFF);
        }
        return forward != 0 && forward < HALF;
    }

    /** Negative, zero or positive as {@code a} comes before, equals or comes after {@code b}. */
    public static int compare(int a, int b) {
        if (((a - b) & 0xFFFF) == 0) {
            return 0;
        }
        return isNewer(a, b) ? 1 : -1;
    }

    /**
     * How far {@code a} is ahead of {@code b}, -32768 to 32767: {@code diff(2, 65534) == 4},
     * {@code diff(65534, 2) == -4}.
     */
    public static int diff(int a, int b) {
        return (short) (a - b);
    }
}
