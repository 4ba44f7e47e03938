package io.parley.sfu;

import java.util.Arrays;

/**
 * The copy-on-write arrays behind the fan-out (the players of a stream, the senders of a track):
 * a change publishes a new array through a volatile field, so the packet loop iterates a stable
 * snapshot without a lock, as mediasoup's Router loops over its consumers.
 */
final class CopyOnWrite {
    private CopyOnWrite() {
    }

    static <T> T[] with(T[] array, T element) {
        T[] grown = Arrays.copyOf(array, array.length + 1);
        grown[array.length] = element;
        return grown;
    }

    static <T> T[] without(T[] array, T element) {
        T[] kept = Arrays.copyOf(array, array.length);
        int n = 0;
        for (T t : array) {
            if (t != element) {
                kept[n++] = t;
            }
        }
        return Arrays.copyOf(kept, n);
    }
}
