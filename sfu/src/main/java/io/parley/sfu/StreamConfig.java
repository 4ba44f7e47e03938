package io.parley.sfu;

/**
 * The knobs of one published stream's RTCP termination: the SSRC the SFU reports with toward the
 * publisher, whether the publisher takes only FIR (RFC 5104 §4.3.1) instead of PLI (RFC 4585
 * §6.3.1), the keyframe request interval that merges many players' requests, the upstream NACK
 * retry interval and count (RFC 4585 §6.2.1), the report interval (RFC 3550 §6.2), the
 * retransmission cache, and the bounds of the REMB sent upstream.
 */
public record StreamConfig(long sfuSsrc, boolean firOnly, long keyframeIntervalNanos, long nackRetryNanos,
                           int nackMaxRetries, long reportIntervalNanos, int cacheCapacity, long cacheMaxAgeNanos,
                           long rembMinBps, long rembMaxBps) {
    private static final long MS = 1_000_000L;

    /**
     * 500 ms between keyframe requests, NACK retried every 100 ms up to 3 times, reports every
     * second, 1024 packets kept at most 1 s (a few seconds of video at 1 Mb/s), REMB clamped to
     * 30 kb/s .. 10 Mb/s.
     */
    public static StreamConfig defaults(long sfuSsrc) {
        return new StreamConfig(sfuSsrc, false, 500 * MS, 100 * MS, 3, 1000 * MS, 1024, 1000 * MS, 30_000, 10_000_000);
    }

    public StreamConfig withFirOnly(boolean value) {
        return new StreamConfig(sfuSsrc, value, keyframeIntervalNanos, nackRetryNanos, nackMaxRetries,
                reportIntervalNanos, cacheCapacity, cacheMaxAgeNanos, rembMinBps, rembMaxBps);
    }

    public StreamConfig withCache(int capacity, long maxAgeNanos) {
        return new StreamConfig(sfuSsrc, firOnly, keyframeIntervalNanos, nackRetryNanos, nackMaxRetries,
                reportIntervalNanos, capacity, maxAgeNanos, rembMinBps, rembMaxBps);
    }
}
