package io.parley.bench.load.stats;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a set of samples (login times, join times): the value below which
 * at least the given share of the samples lie. A benchmark reports them; it never asserts on them.
 */
public final class Percentiles {
    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** The samples, copied and sorted; an empty set is allowed and answers {@link Double#NaN}. */
    public static Percentiles of(long[] samples, int count) {
        if (count < 0 || count > samples.length) {
            throw new IllegalArgumentException("count " + count + " outside 0.." + samples.length);
        }
        long[] copy = Arrays.copyOf(samples, count);
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    public static Percentiles of(long... samples) {
        return of(samples, samples.length);
    }

    public int count() {
        return sorted.length;
    }

    /**
     * The nearest-rank percentile: the smallest sample with at least {@code q} of all samples at or
     * below it ({@code q} in (0, 1]); NaN when there is no sample.
     */
    public double quantile(double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1], got " + q);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** p50, p99 and max in one record, scaled by {@code divisor} (e.g. 1e6 for nanoseconds to milliseconds). */
    public Summary summary(double divisor) {
        return new Summary(sorted.length, quantile(0.50) / divisor, quantile(0.99) / divisor, max() / divisor);
    }

    /** The three figures a table shows of a distribution, in one unit. */
    public record Summary(long count, double p50, double p99, double max) {
        public static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN);
    }
}
