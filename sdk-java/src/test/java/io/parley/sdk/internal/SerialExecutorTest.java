package io.parley.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An engine's loop over a shared pool: in order, one at a time, bounded, and a failing task harms nothing. */
@Timeout(30)
class SerialExecutorTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void tasksRunInOrderAndNeverTogether() throws InterruptedException {
        SerialExecutor serial = new SerialExecutor(pool, "test", 100_000);
        List<Integer> seen = new ArrayList<>();
        AtomicBoolean inside = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            int x = i;
            serial.execute(() -> {
                if (!inside.compareAndSet(false, true)) {
                    overlapped.set(true);
                }
                seen.add(x);
                inside.set(false);
                if (x == n - 1) {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(overlapped).isFalse();
        assertThat(seen).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Test
    void pastItsBoundItRefusesAndAFailingTaskDoesNotStopTheRest() throws InterruptedException {
        SerialExecutor serial = new SerialExecutor(pool, "test", 3);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch after = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        serial.execute(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // Once the first task runs, the queue is empty: the next three fill it to the bound.
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        serial.execute(() -> {
            throw new IllegalStateException("a task that fails");
        });
        serial.execute(after::countDown);
        serial.execute(() -> { });
        assertThatThrownBy(() -> serial.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        release.countDown();
        assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
