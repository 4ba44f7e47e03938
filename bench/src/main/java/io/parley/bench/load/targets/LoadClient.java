package io.parley.bench.load.targets;

import io.parley.sdk.media.MediaSink;
import io.parley.sdk.media.MediaSource;
import java.util.concurrent.CompletableFuture;

/**
 * One user of a load: logs in to a room, publishes synthetic media, plays streams into counting
 * sinks. Every call is asynchronous so that a load keeps many calls in flight from few threads;
 * the load bounds each one with its own timeout.
 */
public interface LoadClient {
    /** Joins {@code roomId}; completes when the user is in the room. */
    CompletableFuture<?> login(String roomId);

    /** Publishes {@code source} as {@code streamId} in the user's room; completes when media flows. */
    CompletableFuture<?> publish(String streamId, MediaSource source);

    /** Plays {@code streamId} of the user's room into {@code sink}; completes when the play is accepted. */
    CompletableFuture<?> play(String streamId, MediaSink sink);

    /** Stops everything of this user and leaves; completes when done. */
    CompletableFuture<Void> close();
}
