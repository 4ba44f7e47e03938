package io.parley.bench.load.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import io.parley.bench.load.targets.LoadClient;

/**
 * Runs one asynchronous call per item with at most {@code inFlight} outstanding, each bounded by a
 * timeout, and waits for them all: the way a load logs in, publishes and plays without opening
 * thousands of handshakes at once. A failed call is counted, not thrown: a load goes on without it.
 */
final class Bounded {
    private Bounded() {
    }

    /** The number of calls that failed or timed out. */
    static <T> int run(List<T> items, int inFlight, Duration callTimeout, Function<T, CompletableFuture<?>> call,
                       AtomicInteger done) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>(items.size());
        for (T item : items) {
            slots.acquire();
            CompletableFuture<?> f;
            try {
                f = call.apply(item);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            all.add(f.orTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((v, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                }
                done.incrementAndGet();
                slots.release();
            }));
        }
        try {
            CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).exceptionally(e -> null)
                    .get(callTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Every call has its own timeout; this only guards against a future that never completes.
        }
        return failed.get();
    }

    /** Closes every client, waiting at most {@code timeout} for all of them; what has not closed by then goes down with the server. */
    static void closeAll(Iterable<LoadClient> clients, Duration timeout) {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (LoadClient c : clients) {
            try {
                closing.add(c.close());
            } catch (RuntimeException e) {
                // Left to the server's own teardown.
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(new CompletableFuture[0])).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Bounded, as above.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
