package io.parley.sfu;

/**
 * The publisher-side NACK state of one track (RFC 4585 §6.2.1, §3.5.3): the sequence numbers found
 * missing, each asked for again every retry interval until it arrives or has been asked for
 * {@code maxRetries} times. Bounded: when more numbers are missing than it holds, the oldest are
 * given up, since a packet that old is no longer worth waiting for. Fixed arrays, no allocation.
 */
final class UpstreamNacker {
    private final int[] sequences;
    private final int[] retries;
    private final long[] lastAsked;
    private final int[] due;
    private final int maxRetries;
    private final long retryNanos;
    private int count;
    private long givenUp;

    UpstreamNacker(int capacity, int maxRetries, long retryNanos) {
        this.sequences = new int[capacity];
        this.retries = new int[capacity];
        this.lastAsked = new long[capacity];
        this.due = new int[capacity];
        this.maxRetries = maxRetries;
        this.retryNanos = retryNanos;
    }

    /** Records {@code seq} as missing; numbers arrive here in increasing order, so the list stays sorted. */
    void missing(int seq) {
        if (count == sequences.length) {
            remove(0);
            givenUp++;
        }
        sequences[count] = seq & 0xFFFF;
        retries[count] = 0;
        count++;
    }

    /** Records the arrival of {@code seq}; true when it was missing. */
    boolean received(int seq) {
        for (int i = 0; i < count; i++) {
            if (sequences[i] == (seq & 0xFFFF)) {
                remove(i);
                return true;
            }
        }
        return false;
    }

    /**
     * Collects the numbers to ask for now, in sequence order, and counts them as asked. A number
     * asked for {@code maxRetries} times is given up instead. Returns how many, at the start of {@link #dueArray()}.
     */
    int collectDue(long now) {
        int n = 0;
        for (int i = 0; i < count; ) {
            if (retries[i] > 0 && now - lastAsked[i] < retryNanos) {
                i++;
            } else if (retries[i] >= maxRetries) {
                remove(i);
                givenUp++;
            } else {
                retries[i]++;
                lastAsked[i] = now;
                due[n++] = sequences[i];
                i++;
            }
        }
        return n;
    }

    int[] dueArray() {
        return due;
    }

    int pending() {
        return count;
    }

    /** Numbers given up so far, over the whole life of the track. */
    long givenUp() {
        return givenUp;
    }

    void clear() {
        count = 0;
    }

    private void remove(int index) {
        int tail = count - index - 1;
        System.arraycopy(sequences, index + 1, sequences, index, tail);
        System.arraycopy(retries, index + 1, retries, index, tail);
        System.arraycopy(lastAsked, index + 1, lastAsked, index, tail);
        count--;
    }
}
