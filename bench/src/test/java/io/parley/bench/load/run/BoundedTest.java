package io.parley.bench.load.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BoundedTest {
    @Test
    @Timeout(30)
    void neverMoreThanInFlightAtOnceAndFailuresCounted() throws Exception {
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(4);
        try {
            AtomicInteger now = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            List<Integer> items = IntStream.range(0, 40).boxed().toList();
            int failed = Bounded.run(items, 3, Duration.ofSeconds(5), i -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                CompletableFuture<Void> f = new CompletableFuture<>();
                timer.schedule(() -> {
                    now.decrementAndGet();
                    if (i % 10 == 0) {
                        f.completeExceptionally(new IllegalStateException("refused " + i));
                    } else {
                        f.complete(null);
                    }
                }, 5, TimeUnit.MILLISECONDS);
                return f;
            }, done);
            assertThat(failed).isEqualTo(4);
            assertThat(done).hasValue(40);
            assertThat(most.get()).isBetween(1, 3);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    @Timeout(30)
    void aCallThatNeverAnswersTimesOutAndOneThatThrowsCounts() throws Exception {
        AtomicInteger done = new AtomicInteger();
        int failed = Bounded.run(List.of(1, 2, 3), 2, Duration.ofMillis(200), i -> {
            if (i == 1) {
                return new CompletableFuture<Void>();
            }
            if (i == 2) {
                throw new IllegalArgumentException("bad item");
            }
            return CompletableFuture.completedFuture(null);
        }, done);
        assertThat(failed).isEqualTo(2);
        assertThat(done).hasValue(3);
    }
}
