package io.parley.transport.srtp;

import java.util.Arrays;

/**
 * An int-keyed open-addressing map from SSRC to crypto context (RFC 3711 §3.2.3 keeps one context
 * per SSRC), so that the per-packet lookup boxes nothing. Readers see a consistent table because
 * a write publishes a fresh table; writes happen once per new SSRC.
 */
final class SsrcMap<V> {
    private static final class Table {
        final int[] keys;
        final Object[] values;
        final int size;

        Table(int capacity, int size) {
            keys = new int[capacity];
            values = new Object[capacity];
            this.size = size;
        }
    }

    private final int limit;
    private volatile Table table = new Table(16, 0);

    /** @param limit the most SSRCs kept; past it {@link #put} refuses, so a peer cannot grow us forever */
    SsrcMap(int limit) {
        this.limit = limit;
    }

    @SuppressWarnings("unchecked")
    V get(int ssrc) {
        Table t = table;
        int mask = t.keys.length - 1;
        for (int i = mix(ssrc) & mask; ; i = (i + 1) & mask) {
            Object v = t.values[i];
            if (v == null) {
                return null;
            }
            if (t.keys[i] == ssrc) {
                return (V) v;
            }
        }
    }

    /** Adds a context; returns false when the limit is reached. */
    synchronized boolean put(int ssrc, V value) {
        Table old = table;
        if (get(ssrc) != null) {
            return true;
        }
        if (old.size >= limit) {
            return false;
        }
        int capacity = old.keys.length;
        while ((old.size + 1) * 2 > capacity) {
            capacity *= 2;
        }
        Table t = new Table(capacity, old.size + 1);
        for (int i = 0; i < old.keys.length; i++) {
            if (old.values[i] != null) {
                insert(t, old.keys[i], old.values[i]);
            }
        }
        insert(t, ssrc, value);
        table = t;
        return true;
    }

    int size() {
        return table.size;
    }

    synchronized void clear() {
        Table t = table;
        Arrays.fill(t.values, null);
        table = new Table(16, 0);
    }

    private static void insert(Table t, int key, Object value) {
        int mask = t.keys.length - 1;
        int i = mix(key) & mask;
        while (t.values[i] != null && t.keys[i] != key) {
            i = (i + 1) & mask;
        }
        t.keys[i] = key;
        t.values[i] = value;
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
