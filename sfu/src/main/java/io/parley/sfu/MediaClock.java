package io.parley.sfu;

/**
 * The two times the media plane needs: a monotonic clock for intervals and ages, and the wall clock
 * for the NTP timestamps of sender reports (RFC 3550 §4). Injected so tests step time by hand.
 */
public interface MediaClock {
    /** The system clocks. */
    MediaClock SYSTEM = new MediaClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long wallNanos() {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
    };

    /** Monotonic nanoseconds, comparable only with each other. */
    long nanoTime();

    /** Nanoseconds since the Unix epoch. */
    long wallNanos();
}
