package io.parley.sdk.interop;

/**
 * A pure tone as 16-bit PCM at 48 kHz, and the measure of a recorded one: its strongest frequency by
 * the Goertzel algorithm (one DFT bin at any frequency), and how much of the signal's power that
 * frequency holds (1 for a clean sine, near 0 for noise or silence).
 */
final class Tone {
    static final int SAMPLE_RATE = 48_000;

    private final double frequency;
    private final double amplitude;
    private long sampleIndex;

    /** @param amplitude of the 16-bit samples, up to 32767 */
    Tone(double frequency, double amplitude) {
        this.frequency = frequency;
        this.amplitude = amplitude;
    }

    /** The next {@code samples} samples of the tone, continuing where the last call ended (mono). */
    short[] next(int samples) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++, sampleIndex++) {
            out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * sampleIndex / SAMPLE_RATE));
        }
        return out;
    }

    /** A frequency and the share of the signal's power at it. */
    record Measure(double frequency, double purity) {
    }

    /**
     * The strongest frequency of {@code x} between {@code lowHz} and {@code highHz}: a 5 Hz scan, then
     * a 0.25 Hz one around its peak.
     */
    static Measure strongest(double[] x, double lowHz, double highHz) {
        double best = lowHz;
        double bestPower = -1;
        for (double f = lowHz; f <= highHz; f += 5) {
            double p = power(x, f);
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        double coarse = best;
        for (double f = coarse - 5; f <= coarse + 5; f += 0.25) {
            double p = power(x, f);
            if (p > bestPower) {
                bestPower = p;
                best = f;
            }
        }
        double energy = 0;
        for (double v : x) {
            energy += v * v;
        }
        // A sine of amplitude A over N samples: |X|^2 = (A N / 2)^2 and the energy is A^2 N / 2.
        double purity = energy == 0 ? 0 : 2 * bestPower / (x.length * energy);
        return new Measure(best, purity);
    }

    /** |X(f)|^2 of {@code x} by the Goertzel recurrence. */
    static double power(double[] x, double frequency) {
        double coeff = 2 * Math.cos(2 * Math.PI * frequency / SAMPLE_RATE);
        double s1 = 0;
        double s2 = 0;
        for (double v : x) {
            double s0 = v + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coeff * s1 * s2;
    }
}
