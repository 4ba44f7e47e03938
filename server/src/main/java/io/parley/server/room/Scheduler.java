package io.parley.server.room;

/**
 * Time for the room service: the current time and delayed tasks. Injected so that tests move time
 * by hand instead of sleeping through a 30-second reconnect window.
 */
public interface Scheduler {
    /** Milliseconds since the epoch. */
    long nowMillis();

    /** Runs {@code task} once after {@code delayMillis}; the task must hop to its room's executor itself. */
    Cancellable schedule(long delayMillis, Runnable task);

    /** A scheduled task that can be called off. */
    interface Cancellable {
        void cancel();
    }
}
