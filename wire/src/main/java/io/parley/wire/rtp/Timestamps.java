package io.parley.wire.rtp;

/**
 * Arithmetic on 32-bit RTP timestamps (RFC 3550 §5.1) across wrap-around, in the serial-number
 * sense of RFC 1982: {@code a} is newer than {@code b} when it is less than 2^31 ahead. Exactly
 * half way, the numerically larger one is newer, so that {@link #compare} stays antisymmetric.
 * Timestamps are passed as {@code long}s holding unsigned 32-bit values; higher bits are ignored.
 */
public final class Timestamps {
    private static final long HALF = 1L << 31;
    private static final long MASK = 0xFFFF_FFFFL;

    private Timestamps() {
    }

    /** Whether {@code a} comes after {@code b}. */
    public static boolean isNewer(long a, long b) {
        long forward = (a - b) & MASK;
        if (forward == HALF) {
            return (a & MASK) > (b & MASK);
        }
        return forward != 0 && forward < HALF;
    }

    /** Negative, zero or positive as {@code a} comes before, equals or comes after {@code b}. */
    public static int compare(long a, long b) {
        if (((a - b) & MASK) == 0) {
            return 0;
        }
        return isNewer(a, b) ? 1 : -1;
    }

    /** How far {@code a} is ahead of {@code b}, -2^31 to 2^31 - 1: {@code diff(10, 0xFFFFFFF6L) == 20}. */
    public static int diff(long a, long b) {
        return (int) (a - b);
    }
}
