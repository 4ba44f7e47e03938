package io.parley.bench.load;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The line a run prints on stderr once a second while it runs (stdout carries only the table): what
 * phase it is in and what the server is doing now. A failing status read is shown, not thrown: the
 * progress line never stops a run.
 */
public final class ProgressLine implements AutoCloseable {
    private final PrintStream err;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-progress");
        t.setDaemon(true);
        return t;
    });
    private volatile Supplier<String> status = () -> "starting";
    private final long start = System.nanoTime();

    public ProgressLine(PrintStream err) {
        this.err = err;
        timer.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    }

    /** What the line shows from now on. */
    public void show(Supplier<String> status) {
        this.status = status;
    }

    /** A fixed text, for phases with nothing to count. */
    public void show(String text) {
        show(() -> text);
    }

    private void print() {
        String text;
        try {
            text = status.get();
        } catch (RuntimeException e) {
            text = "(status unavailable: " + e.getMessage() + ")";
        }
        err.printf("[bench %4ds] %s%n", (System.nanoTime() - start) / 1_000_000_000L, text);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
