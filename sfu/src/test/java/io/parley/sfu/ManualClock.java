package io.parley.sfu;

/** A clock the test steps by hand. */
final class ManualClock implements MediaClock {
    static final long MS = 1_000_000L;
    long nanos = 1_000 * MS;
    long wall = 1_795_000_000_000_000_000L;

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long wallNanos() {
        return wall;
    }

    void advanceMillis(long ms) {
        nanos += ms * MS;
        wall += ms * MS;
    }
}
