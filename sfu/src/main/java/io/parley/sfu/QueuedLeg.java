package io.parley.sfu;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts a bounded queue between the stream's thread and a leg that may be slow (a congested socket,
 * a busy SRTP context): the stream copies the packet into a preallocated slot and returns at once;
 * the executor drains the slots into the target leg. When the queue is full the packet is dropped
 * and counted, which for the player is loss it may NACK (RFC 4585 §6.2.1), and for the other
 * players is nothing at all. One producer (the stream's thread), one drain at a time, no lock:
 * the slots are handed over through the two ordered counters.
 */
public final class QueuedLeg implements Leg {
    private final Leg target;
    private final Executor executor;
    private final byte[][] slots;
    private final int[] lengths;
    private final boolean[] rtcp;
    private final int mask;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private volatile long dropped;
    private volatile long failed;

    /** @param capacity packets held, a power of two; each slot holds up to 2048 bytes */
    public QueuedLeg(Leg target, Executor executor, int capacity) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("queue capacity must be a power of two: " + capacity);
        }
        this.target = target;
        this.executor = executor;
        this.slots = new byte[capacity][2048];
        this.lengths = new int[capacity];
        this.rtcp = new boolean[capacity];
        this.mask = capacity - 1;
    }

    @Override
    public void sendRtp(byte[] b, int off, int len) {
        enqueue(b, off, len, false);
    }

    @Override
    public void sendRtcp(byte[] b, int off, int len) {
        enqueue(b, off, len, true);
    }

    /** Packets dropped because the queue was full or the packet larger than a slot. */
    public long dropped() {
        return dropped;
    }

    /** Packets the target leg threw on. */
    public long failed() {
        return failed;
    }

    private void enqueue(byte[] b, int off, int len, boolean isRtcp) {
        long t = tail.get();
        if (t - head.get() == slots.length || len > slots[0].length) {
            dropped++;
            return;
        }
        int slot = (int) (t & mask);
        System.arraycopy(b, off, slots[slot], 0, len);
        lengths[slot] = len;
        rtcp[slot] = isRtcp;
        tail.lazySet(t + 1);
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(drain);
        }
    }

    private void drain() {
        while (true) {
            long h = head.get();
            while (h < tail.get()) {
                int slot = (int) (h & mask);
                try {
                    if (rtcp[slot]) {
                        target.sendRtcp(slots[slot], 0, lengths[slot]);
                    } else {
                        target.sendRtp(slots[slot], 0, lengths[slot]);
                    }
                } catch (RuntimeException e) {
                    failed++;
                }
                head.lazySet(++h);
            }
            scheduled.set(false);
            // A packet queued between the last check and the reset would otherwise wait for the next one.
            if (head.get() == tail.get() || !scheduled.compareAndSet(false, true)) {
                return;
            }
        }
    }
}
