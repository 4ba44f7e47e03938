package io.parley.sfu;

/**
 * The retransmission cache of one published track (RFC 4585 §6.2.1, RFC 4588 §1): the last
 * {@code capacity} packets received from the publisher, in a ring indexed by sequence number, each
 * kept no longer than {@code maxAgeNanos}. Every slot's buffer is allocated once, so storing a packet
 * is a copy. A slot answers only for the exact sequence number it holds, so a packet overwritten by
 * a newer one (or too old) is simply not found.
 */
final class PacketCache {
    /** The largest packet cached; larger ones are forwarded but not kept (RTP over UDP stays under the MTU). */
    static final int MAX_PACKET = 1500;

    private final int mask;
    private final long maxAgeNanos;
    private final byte[][] packets;
    private final int[] lengths;
    private final int[] sequences;
    private final long[] stored;

    /** @param capacity a power of two, at most 32768 so the ring never holds two numbers that wrap onto each other */
    PacketCache(int capacity, long maxAgeNanos) {
        if (capacity < 1 || capacity > 32_768 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("packet cache capacity must be a power of two up to 32768: " + capacity);
        }
        this.mask = capacity - 1;
        this.maxAgeNanos = maxAgeNanos;
        this.packets = new byte[capacity][MAX_PACKET];
        this.lengths = new int[capacity];
        this.sequences = new int[capacity];
        this.stored = new long[capacity];
        clear();
    }

    /** Stores a copy of the packet {@code b[off, off + len)} with sequence number {@code seq}. */
    void put(int seq, byte[] b, int off, int len, long now) {
        int slot = seq & mask;
        if (len > MAX_PACKET) {
            sequences[slot] = -1;
            return;
        }
        System.arraycopy(b, off, packets[slot], 0, len);
        lengths[slot] = len;
        sequences[slot] = seq;
        stored[slot] = now;
    }

    /** The slot holding {@code seq}, stored no longer than the maximum age ago, or -1. */
    int find(int seq, long now) {
        int slot = seq & mask;
        if (sequences[slot] != (seq & 0xFFFF) || now - stored[slot] > maxAgeNanos) {
            return -1;
        }
        return slot;
    }

    /** Whether {@code seq} is held, whatever its age: a second copy of it is a duplicate. */
    boolean contains(int seq) {
        return sequences[seq & mask] == (seq & 0xFFFF);
    }

    byte[] packet(int slot) {
        return packets[slot];
    }

    int length(int slot) {
        return lengths[slot];
    }

    /** Forgets every packet: after a source change the old sequence numbers mean nothing. */
    void clear() {
        java.util.Arrays.fill(sequences, -1);
    }
}
