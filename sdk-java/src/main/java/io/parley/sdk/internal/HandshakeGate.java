package io.parley.sdk.internal;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets a few media transports of this JVM connect at a time and queues the rest. A server takes
 * only a few DTLS handshakes per address at once and drops the others' records; their
 * retransmissions back off (RFC 6347 §4.2.4) until some miss the server's setup deadline. Starting
 * transports a few at a time keeps every handshake inside it, however many engines join together.
 */
public final class HandshakeGate {
    /** One admitted start; {@link #release} once the transport connected, failed or closed. */
    public static final class Ticket {
        private final HandshakeGate gate;
        private final AtomicBoolean released = new AtomicBoolean();

        private Ticket(HandshakeGate gate) {
            this.gate = gate;
        }

        /** Gives the place to the next waiting start; any further call does nothing. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                gate.next();
            }
        }
    }

    private final int concurrent;
    private final ArrayDeque<java.util.function.Consumer<Ticket>> waiting = new ArrayDeque<>();
    private int inProgress;

    public HandshakeGate(int concurrent) {
        this.concurrent = concurrent;
    }

    /** Runs {@code start} now if a place is free, else when one is; it gets the ticket to release. */
    public void admit(java.util.function.Consumer<Ticket> start) {
        synchronized (this) {
            if (inProgress >= concurrent) {
                waiting.add(start);
                return;
            }
            inProgress++;
        }
        start.accept(new Ticket(this));
    }

    private void next() {
        java.util.function.Consumer<Ticket> start;
        synchronized (this) {
            start = waiting.poll();
            if (start == null) {
                inProgress--;
                return;
            }
        }
        start.accept(new Ticket(this));
    }
}
