package io.parley.sdk.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tone measure the PCM interop tests rely on, against signals whose answer is known. */
class ToneTest {
    private static double[] doubles(short[] s) {
        double[] d = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            d[i] = s[i];
        }
        return d;
    }

    @Test
    void finds_the_frequency_of_a_generated_tone_and_calls_it_pure() {
        for (double hz : new double[] {440, 1000, 2345.5}) {
            Tone.Measure m = Tone.strongest(doubles(new Tone(hz, 8000).next(Tone.SAMPLE_RATE / 2)), 100, 4000);
            assertThat(m.frequency()).as("%s Hz", hz).isCloseTo(hz, within(0.5));
            assertThat(m.purity()).as("%s Hz", hz).isGreaterThan(0.9);
        }
    }

    @Test
    void a_tone_continues_across_calls_without_a_jump() {
        Tone tone = new Tone(1000, 8000);
        short[] a = tone.next(7);
        short[] b = tone.next(Tone.SAMPLE_RATE / 2 - 7);
        short[] whole = new short[a.length + b.length];
        System.arraycopy(a, 0, whole, 0, a.length);
        System.arraycopy(b, 0, whole, a.length, b.length);
        assertThat(Tone.strongest(doubles(whole), 100, 4000).purity()).isGreaterThan(0.9);
    }

    @Test
    void noise_and_silence_are_not_pure() {
        Random random = new Random(7);
        double[] noise = new double[Tone.SAMPLE_RATE / 2];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian() * 3000;
        }
        assertThat(Tone.strongest(noise, 100, 4000).purity()).isLessThan(0.05);
        assertThat(Tone.strongest(new double[Tone.SAMPLE_RATE / 2], 100, 4000).purity()).isZero();
    }

    @Test
    void two_tones_put_about_half_the_power_in_the_stronger() {
        short[] a = new Tone(440, 8000).next(Tone.SAMPLE_RATE / 2);
        short[] b = new Tone(1000, 6000).next(Tone.SAMPLE_RATE / 2);
        double[] mix = new double[a.length];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = a[i] + b[i];
        }
        Tone.Measure m = Tone.strongest(mix, 100, 4000);
        assertThat(m.frequency()).isCloseTo(440, within(0.5));
        assertThat(m.purity()).isBetween(0.5, 0.75);
    }
}
