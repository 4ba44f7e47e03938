package io.parley.server.room;

/**
 * Counts events in one-second windows and says whether one more fits under a per-second limit. Not
 * thread-safe: each owner (a room, a connection) uses it from one thread at a time.
 */
public final class RateWindow {
    private final int perSecond;
    private boolean started;
    private long windowStart;
    private int count;

    public RateWindow(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Takes one slot at {@code nowMillis}; false when the window is full. */
    public boolean tryAcquire(long nowMillis) {
        if (!started || nowMillis - windowStart >= 1000 || nowMillis < windowStart) {
            started = true;
            windowStart = nowMillis;
            count = 0;
        }
        if (count >= perSecond) {
            return false;
        }
        count++;
        return true;
    }
}
