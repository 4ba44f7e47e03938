package io.parley.bench.floor;

/**
 * One-way delays in 1 µs buckets up to {@value #LIMIT_MICROS} µs (beyond that one bucket, read as
 * the maximum), with the exact maximum. Written by one thread, read after it stopped.
 */
final class DelayHistogram {
    static final int LIMIT_MICROS = 200_000;

    private final long[] counts = new long[LIMIT_MICROS + 1];
    private long total;
    private long maxNanos;

    void recordNanos(long nanos) {
        long clamped = Math.max(0, nanos);
        counts[(int) Math.min(clamped / 1000, LIMIT_MICROS)]++;
        total++;
        if (clamped > maxNanos) {
            maxNanos = clamped;
        }
    }

    long count() {
        return total;
    }

    double maxMicros() {
        return maxNanos / 1000.0;
    }

    /**
     * The delay below which a share {@code p} (0..1) of the recorded delays fall, to within 1 µs
     * (the bucket's middle); 0 when nothing was recorded.
     */
    double percentileMicros(double p) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int us = 0; us < LIMIT_MICROS; us++) {
            seen += counts[us];
            if (seen >= rank) {
                return Math.min(us + 0.5, maxMicros());
            }
        }
        return maxMicros();
    }
}
