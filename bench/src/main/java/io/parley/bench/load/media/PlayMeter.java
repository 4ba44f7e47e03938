package io.parley.bench.load.media;

import io.parley.sdk.media.MediaSink;

/**
 * The counting sinks of one run: one per play, read together. Packets, bytes and loss count from
 * the start; delays from the last {@link #startWindow()}, so the figures cover the measured window.
 */
public interface PlayMeter {
    /** A new counting sink for one play. Thread-safe. */
    MediaSink newSink();

    /** The totals of every sink made so far. */
    Reception snapshot();

    /** Forgets the delays recorded so far: the measured window starts now. */
    void startWindow();
}
