package io.parley.bench.load.stats;

/** Ratios of measured figures, NaN instead of an infinity or a division by zero when a figure is missing. */
public final class Ratio {
    private Ratio() {
    }

    /** {@code numerator / denominator}, or NaN when either is NaN or the denominator is not above zero. */
    public static double of(double numerator, double denominator) {
        if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator <= 0) {
            return Double.NaN;
        }
        return numerator / denominator;
    }

    /** A per-second rate of {@code delta} events over {@code nanos}. */
    public static double perSecond(double delta, long nanos) {
        return of(delta, nanos / 1e9);
    }
}
