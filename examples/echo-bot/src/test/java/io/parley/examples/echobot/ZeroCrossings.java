package io.parley.examples.echobot;

import io.parley.sdk.media.PcmListener;
import java.util.Arrays;

/**
 * Keeps the first channel of decoded PCM and tells a tone's frequency from how often it crosses zero
 * upwards: enough for one clean sine, which is what the echo test sends.
 */
final class ZeroCrossings implements PcmListener {
    private final int rate;
    private short[] samples = new short[48_000 * 4];
    private int count;

    ZeroCrossings(int rate) {
        this.rate = rate;
    }

    @Override
    public synchronized void onPcm(short[] pcm, int samplesPerChannel, int channels) {
        if (count + samplesPerChannel > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(2 * samples.length, count + samplesPerChannel));
        }
        for (int i = 0; i < samplesPerChannel; i++) {
            samples[count++] = pcm[i * channels];
        }
    }

    synchronized double seconds() {
        return (double) count / rate;
    }

    /** Upward crossings per second over the last {@code seconds}, between the first and the last crossing. */
    synchronized double frequencyOfLast(double seconds) {
        int from = Math.max(1, count - (int) (seconds * rate));
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = from; i < count; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                if (first < 0) {
                    first = i;
                } else {
                    crossings++;
                }
                last = i;
            }
        }
        return crossings == 0 ? 0 : (double) crossings * rate / (last - first);
    }
}
