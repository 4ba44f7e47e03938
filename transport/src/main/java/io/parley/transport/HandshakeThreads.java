package io.parley.transport;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads BouncyCastle's blocking DTLS handshakes (RFC 6347) run on: at most {@code max} at
 * once, daemon, idle ones retired after a minute. A full pool refuses, and the caller counts it.
 */
final class HandshakeThreads {
    private HandshakeThreads() {
    }

    static ThreadPoolExecutor create(String name, int max) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // Post-handshake drains share the pool, hence a little room over the handshake limit.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, max + 8, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
        return pool;
    }
}
