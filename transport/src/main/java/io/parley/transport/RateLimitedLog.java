package io.parley.transport;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs one kind of dropped input at most once per interval, with how many were dropped since the
 * last line, so that a flood of bad datagrams costs a counter increment and not a log line each.
 */
public final class RateLimitedLog {
    private final Logger log;
    private final String what;
    private final long intervalNanos;
    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong suppressed = new AtomicLong();

    /** @param what names the kind of event, e.g. "STUN with a wrong MESSAGE-INTEGRITY" */
    public RateLimitedLog(Logger log, String what, long intervalMillis) {
        this.log = log;
        this.what = what;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    /** Records one event described by two parts, joined by a space only when a line is written. */
    public void warn(Object first, Object second) {
        if (allowed()) {
            write(first + " " + second);
        }
    }

    /** Records one event; logs a warning when the interval has passed. */
    public void warn(Object detail) {
        if (allowed()) {
            write(detail);
        }
    }

    /** Whether this event gets a line; counts it as suppressed otherwise. Allocates nothing. */
    private boolean allowed() {
        long now = System.nanoTime();
        long next = nextAllowed.get();
        if (next != Long.MIN_VALUE && now - next < 0) {
            suppressed.incrementAndGet();
            return false;
        }
        if (nextAllowed.compareAndSet(next, now + intervalNanos)) {
            return true;
        }
        suppressed.incrementAndGet();
        return false;
    }

    private void write(Object detail) {
        long more = suppressed.getAndSet(0);
        String text = String.valueOf(detail);
        if (more > 0) {
            log.warn("{}: {} ({} more since the last report)", what, text, more);
        } else if (detail instanceof Throwable t) {
            log.warn("{}: {}", what, text, t);
        } else {
            log.warn("{}: {}", what, text);
        }
    }
}
