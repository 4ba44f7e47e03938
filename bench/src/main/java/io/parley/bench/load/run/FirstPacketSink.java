package io.parley.bench.load.run;

import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.MediaSink;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sink in front of a counting sink that notes when the play's first packet arrived, for join time.
 * One volatile read per packet after the first: cheap beside the packet's own handling.
 */
final class FirstPacketSink implements MediaSink {
    private final MediaSink inner;
    private final AtomicLong firstArrival = new AtomicLong();
    private final CompletableFuture<Void> first = new CompletableFuture<>();

    FirstPacketSink(MediaSink inner) {
        this.inner = inner;
    }

    @Override
    public void onRtp(MediaKind kind, byte[] packet, int offset, int length, long arrivalNanos) {
        if (firstArrival.get() == 0 && firstArrival.compareAndSet(0, arrivalNanos == 0 ? 1 : arrivalNanos)) {
            // Off the transport's event loop: whoever waits on it may do real work.
            CompletableFuture.runAsync(() -> first.complete(null));
        }
        inner.onRtp(kind, packet, offset, length, arrivalNanos);
    }

    /** Completes when the first packet has arrived. */
    CompletableFuture<Void> firstPacket() {
        return first;
    }

    /** {@link System#nanoTime()} of the first packet, or 0 before it. */
    long firstArrivalNanos() {
        return firstArrival.get();
    }

    @Override
    public void close() {
        inner.close();
    }
}
