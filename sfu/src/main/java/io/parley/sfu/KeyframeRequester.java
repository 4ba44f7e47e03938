package io.parley.sfu;

/**
 * Merges the keyframe requests of every player of a video track into at most one request to the
 * publisher per interval (RFC 4585 §3.5.4 and RFC 5104 §4.3.1.2 say a media sender answers one
 * per picture anyway): the first request goes out at once, the next ones within the interval are
 * remembered and sent once when it ends. Carries the FIR command sequence number (RFC 5104
 * §4.3.1.1), which advances per new request.
 */
final class KeyframeRequester {
    private final long intervalNanos;
    private boolean everSent;
    private long lastSent;
    private boolean pending;
    private int firSequence;

    KeyframeRequester(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** A player or the SFU wants a keyframe: true when the request must go out now, false when merged. */
    boolean request(long now) {
        if (!everSent || now - lastSent >= intervalNanos) {
            markSent(now);
            return true;
        }
        pending = true;
        return false;
    }

    /** Called on every tick: true when a merged request is due now. */
    boolean poll(long now) {
        if (pending && now - lastSent >= intervalNanos) {
            markSent(now);
            return true;
        }
        return false;
    }

    /** The command sequence number of the FIR about to be sent. */
    int firSequence() {
        return firSequence & 0xFF;
    }

    private void markSent(long now) {
        everSent = true;
        lastSent = now;
        pending = false;
        firSequence++;
    }
}
