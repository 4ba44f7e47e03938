package io.parley.sdk.media;

/** Where a {@link PcmSink} hands decoded audio: 16-bit PCM at 48 kHz, channels interleaved. */
@FunctionalInterface
public interface PcmListener {
    /**
     * One decoded packet (or one concealed for a lost packet), on the transport's event loop:
     * copy what is kept, never block. {@code pcm} is reused for the next call.
     */
    void onPcm(short[] pcm, int samplesPerChannel, int channels);
}
