package io.parley.sdk.interop;

import io.parley.sdk.media.PcmListener;
import java.util.Arrays;

/**
 * Keeps the first channel of the PCM a {@link io.parley.sdk.media.PcmSink} decodes (48 kHz), for a
 * test to read back; called on the transport's event loop, so it only copies.
 */
final class PcmRecorder implements PcmListener {
    private short[] samples = new short[Tone.SAMPLE_RATE * 4];
    private int count;
    private int channels;

    @Override
    public synchronized void onPcm(short[] pcm, int samplesPerChannel, int channels) {
        this.channels = channels;
        if (count + samplesPerChannel > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(samples.length * 2, count + samplesPerChannel));
        }
        for (int i = 0; i < samplesPerChannel; i++) {
            samples[count++] = pcm[i * channels];
        }
    }

    /** Seconds of audio recorded so far. */
    synchronized double seconds() {
        return (double) count / Tone.SAMPLE_RATE;
    }

    /** The channel count of the last PCM block (0 before any). */
    synchronized int channels() {
        return channels;
    }

    /** The last {@code seconds} of what was recorded, as doubles. */
    synchronized double[] last(double seconds) {
        int n = Math.min(count, (int) (seconds * Tone.SAMPLE_RATE));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = samples[count - n + i];
        }
        return out;
    }
}
