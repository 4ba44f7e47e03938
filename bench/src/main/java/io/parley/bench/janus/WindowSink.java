package io.parley.bench.janus;

import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.MediaSink;

/**
 * A sink that drops packets until {@link #open} and then hands them to its target: loss and
 * delay are counted over the measurement window only, not over the warm-up (the JIT and the
 * first use of the SRTP ciphers stall the first packets by seconds).
 */
public final class WindowSink implements MediaSink {
    private final MediaSink target;
    private volatile boolean open;

    public WindowSink(MediaSink target) {
        this.target = target;
    }

    /** From now on packets reach the target. */
    public void open() {
        open = true;
    }

    @Override
    public void onRtp(MediaKind kind, byte[] packet, int offset, int length, long arrivalNanos) {
        if (open) {
            target.onRtp(kind, packet, offset, length, arrivalNanos);
        }
    }

    @Override
    public void close() {
        target.close();
    }
}
