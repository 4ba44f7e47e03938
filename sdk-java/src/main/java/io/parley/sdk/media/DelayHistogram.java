package io.parley.sdk.media;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-bucket histogram of delays in microseconds, after HdrHistogram's layout: values below 128
 * have a bucket each, and every power of two above that is cut into 64 equal buckets, so a
 * recorded value is known to within 1.6% from 1 µs to about 50 days, in 2,368 counters. Recording
 * is lock-free (one atomic add), so one histogram may take values from many threads; percentiles
 * read a moment's counts.
 */
public final class DelayHistogram {
    private static final int LINEAR = 128;
    private static final int SUB_BUCKETS = 64;
    private static final int MAX_SHIFT = 35;
    /** The largest value kept apart; larger values count in the last bucket. */
    public static final long MAX_MICROS = (2L * SUB_BUCKETS << MAX_SHIFT) - 1;

    private final AtomicLongArray counts = new AtomicLongArray(LINEAR + MAX_SHIFT * SUB_BUCKETS);
    private final AtomicLong max = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    /** Counts one delay; negative values count as 0. */
    public void record(long micros) {
        long v = Math.max(0, micros);
        counts.incrementAndGet(index(v));
        total.incrementAndGet();
        long m;
        while (v > (m = max.get()) && !max.compareAndSet(m, v)) {
            // another thread raised it; look again
        }
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        if (v > MAX_MICROS) {
            v = MAX_MICROS;
        }
        int shift = 63 - Long.numberOfLeadingZeros(v) - 6; // v >>> shift is in [64, 127]
        return LINEAR + (shift - 1) * SUB_BUCKETS + (int) ((v >>> shift) - SUB_BUCKETS);
    }

    /** The highest value that lands in bucket {@code index}. */
    static long highestValue(int index) {
        if (index < LINEAR) {
            return index;
        }
        int shift = (index - LINEAR) / SUB_BUCKETS + 1;
        long sub = (index - LINEAR) % SUB_BUCKETS + SUB_BUCKETS;
        return ((sub + 1) << shift) - 1;
    }

    /** Values recorded. */
    public long count() {
        return total.get();
    }

    /** The largest value recorded, exactly; 0 when empty. */
    public long maxMicros() {
        return max.get();
    }

    /**
     * The value at or below which {@code percentile} percent of the values lie, to the bucket's
     * precision (the bucket's highest value, capped at the maximum); 0 when empty.
     */
    public long percentileMicros(double percentile) {
        long n = count();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(highestValue(i), maxMicros());
            }
        }
        return maxMicros();
    }

    /** Adds every count of this histogram to {@code target}. */
    public void mergeInto(DelayHistogram target) {
        long added = 0;
        for (int i = 0; i < counts.length(); i++) {
            long c = counts.get(i);
            if (c != 0) {
                target.counts.addAndGet(i, c);
                added += c;
            }
        }
        target.total.addAndGet(added);
        long m = maxMicros();
        long t;
        while (m > (t = target.max.get()) && !target.max.compareAndSet(t, m)) {
            // raced with a record; look again
        }
    }

    /** A copy of this histogram's counts now. */
    public DelayHistogram copy() {
        DelayHistogram c = new DelayHistogram();
        mergeInto(c);
        return c;
    }
}
