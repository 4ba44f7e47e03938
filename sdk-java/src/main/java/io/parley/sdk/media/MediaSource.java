package io.parley.sdk.media;

import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Media to publish: a file, PCM from the application, or a synthetic load. The engine starts it
 * once the publisher transport is connected and stops it when publishing stops. A source paces
 * itself in real time on the scheduler it is given, which many engines share: it must never block
 * that scheduler's threads.
 */
public interface MediaSource extends AutoCloseable {
    /** The tracks this source produces; the publish offer carries one m-section for each. */
    Set<MediaKind> kinds();

    /** Begins handing frames to {@code output}, paced in real time on {@code pacer}. Called once. */
    void start(FrameOutput output, ScheduledExecutorService pacer);

    /** A player asked for a key frame (RTCP PLI or FIR); sources that can make one should. */
    default void requestKeyframe() {
    }

    /** Stops handing frames; no call to the output happens after this returns. */
    void stop();

    /** Releases what the source holds (files, codec state); stops it first if it is running. */
    @Override
    default void close() {
        stop();
    }
}
