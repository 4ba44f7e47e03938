package io.parley.sdk;

import io.parley.sdk.media.MediaSink;
import io.parley.sdk.media.MediaSource;
import java.util.concurrent.CompletableFuture;

/**
 * The Java SDK's engine (ZEGO's ZegoExpressEngine, native Java shape): one user in one room,
 * publishing and playing streams through a Parley server. Many engines may live in one JVM.
 * Calls that wait return futures that complete exceptionally with {@link ExpressException}.
 */
public final class ExpressEngine {
    private ExpressEngine() {
    }

    /** A new engine; events go to {@code handler} on the engine's callback thread. */
    public static ExpressEngine createEngine(EngineProfile profile, EventHandler handler) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Logs in; completes when the room is CONNECTED. */
    public CompletableFuture<Void> loginRoom(String roomID, User user, RoomConfig config) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Leaves the room, stopping every publish and play. */
    public CompletableFuture<Void> logoutRoom() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Publishes {@code source} as {@code streamID}; completes when the media transport is connected. */
    public CompletableFuture<Void> startPublishingStream(String streamID, MediaSource source) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Stops publishing {@code streamID} and stops its source. */
    public CompletableFuture<Void> stopPublishingStream(String streamID) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Plays {@code streamID} into {@code sink}, now or once it is published; completes when the server accepts the play. */
    public CompletableFuture<Void> startPlayingStream(String streamID, MediaSink sink) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Stops playing {@code streamID}; the sink is closed. */
    public CompletableFuture<Void> stopPlayingStream(String streamID) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Logs out if needed and releases the engine's connections and threads. */
    public CompletableFuture<Void> destroyEngine() {
        throw new UnsupportedOperationException("not built yet");
    }
}
