package io.parley.bench.load.run;

import java.time.Duration;

/**
 * How long each part of a run lasts, so every run stops by itself.
 *
 * @param warmup      load running, not measured (the JIT compiles the packet path)
 * @param window      the measured window
 * @param callTimeout the longest a login, publish or play (and the first packet) may take
 * @param inFlight    calls outstanding at once while setting up
 */
public record RunTiming(Duration warmup, Duration window, Duration callTimeout, int inFlight) {
    public RunTiming {
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("the measured window must be longer than 0, got " + window);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("the warm-up cannot be negative, got " + warmup);
        }
        if (inFlight < 1) {
            throw new IllegalArgumentException("at least 1 call in flight, got " + inFlight);
        }
    }
}
