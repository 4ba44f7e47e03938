package io.parley.sdk;

import io.parley.server.room.Scheduler;
import java.util.PriorityQueue;

/** The server's time in these tests: it moves only when a test advances it, running what falls due in order. */
final class ManualClock implements Scheduler {
    private record Due(long at, long order, Runnable task) {
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at)
            : Long.compare(a.order, b.order));
    private long now;
    private long order;

    ManualClock(long startMillis) {
        now = startMillis;
    }

    @Override
    public synchronized long nowMillis() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(long delayMillis, Runnable task) {
        Due due = new Due(now + Math.max(0, delayMillis), order++, task);
        queue.add(due);
        return () -> {
            synchronized (ManualClock.this) {
                queue.remove(due);
            }
        };
    }

    /** Moves time on by {@code millis}, running each task as its time comes. */
    void advance(long millis) {
        long until;
        synchronized (this) {
            until = now + millis;
        }
        for (;;) {
            Due next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at > until) {
                    now = until;
                    return;
                }
                queue.poll();
                now = Math.max(now, next.at);
            }
            next.task.run();
        }
    }
}
