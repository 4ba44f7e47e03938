package io.parley.sfu;

/**
 * The 64-bit NTP timestamp format of RFC 3550 §4 (RFC 5905 §6): seconds since 1900 in the high
 * word, the fraction of a second in the low word, and the middle 32 bits an RTCP report block
 * echoes as LSR (§6.4.1).
 */
public final class NtpTime {
    /** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01 (Unix epoch). */
    static final long UNIX_EPOCH_SECONDS = 2_208_988_800L;
    private static final long NANOS = 1_000_000_000L;

    private NtpTime() {
    }

    /** The NTP timestamp of {@code unixNanos} nanoseconds since the Unix epoch. */
    public static long fromUnixNanos(long unixNanos) {
        return ((unixNanos / NANOS + UNIX_EPOCH_SECONDS) << 32) + fractionOf(unixNanos % NANOS);
    }

    /** A duration of {@code nanos} (non-negative) in NTP units, 2^-32 s. */
    public static long fromNanos(long nanos) {
        return ((nanos / NANOS) << 32) + fractionOf(nanos % NANOS);
    }

    /** The middle 32 bits: the LSR field of a report block. */
    public static long middle32(long ntp) {
        return (ntp >>> 16) & 0xFFFF_FFFFL;
    }

    /** A duration of {@code nanos} in units of 1/65536 s, the DLSR field of a report block. */
    public static long toDlsr(long nanos) {
        return Math.max(0, nanos) * 65_536L / NANOS & 0xFFFF_FFFFL;
    }

    private static long fractionOf(long subSecondNanos) {
        return (subSecondNanos << 32) / NANOS;
    }
}
