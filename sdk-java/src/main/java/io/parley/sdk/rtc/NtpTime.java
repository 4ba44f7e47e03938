package io.parley.sdk.rtc;

/** NTP timestamps of RFC 3550 §4: seconds since 1900 in 32.32 fixed point, and their middle 32 bits for LSR/DLSR. */
final class NtpTime {
    private static final long UNIX_TO_NTP_SECONDS = 2_208_988_800L;

    private NtpTime() {
    }

    /** Now as a 64-bit NTP timestamp. */
    static long now() {
        long millis = System.currentTimeMillis();
        long seconds = millis / 1000 + UNIX_TO_NTP_SECONDS;
        long fraction = ((millis % 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }

    /** The middle 32 bits, the unit of LSR and DLSR (1/65536 s, RFC 3550 §6.4.1). */
    static long middle(long ntp) {
        return (ntp >>> 16) & 0xFFFF_FFFFL;
    }

    /** A duration in nanoseconds as 1/65536 s units. */
    static long units(long nanos) {
        return (nanos << 16) / 1_000_000_000L;
    }
}
