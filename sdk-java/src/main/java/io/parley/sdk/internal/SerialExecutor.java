package io.parley.sdk.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs its tasks one at a time, in the order given, on a shared pool: an engine's "thread"
 * without a thread of its own, so hundreds of engines need only the pool's few. The queue is
 * bounded; past the bound a task is refused with {@link RejectedExecutionException}, which the
 * callers turn into a log line, so one stuck engine cannot eat the JVM's memory.
 */
public final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final String name;
    private final int capacity;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean running;
    private boolean warned;

    public SerialExecutor(Executor pool, String name, int capacity) {
        this.pool = pool;
        this.name = name;
        this.capacity = capacity;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (queue) {
            if (queue.size() >= capacity) {
                if (!warned) {
                    warned = true;
                    LOG.warn("{}: {} tasks waiting, refusing more (is a callback blocking?)", name, capacity);
                }
                throw new RejectedExecutionException(name + " is full");
            }
            queue.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        pool.execute(this::drain);
    }

    /** Runs queued tasks; gives the pool thread back after a batch so other engines get their turn. */
    private void drain() {
        for (int i = 0; i < 64; i++) {
            Runnable next;
            synchronized (queue) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException | Error e) {
                LOG.warn("{}: a task failed", name, e);
            }
        }
        pool.execute(this::drain);
    }
}
