package io.parley.sdk.rtc;

import io.parley.sdk.internal.HandshakeGate;
import io.parley.transport.MediaTransport;
import io.parley.transport.RemoteParameters;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One side's transport start through the JVM's {@link HandshakeGate}: ICE and DTLS begin when the
 * gate lets them (a few transports connect at a time), and the place is given back once the
 * transport connects, fails or closes, or at once when it is no longer wanted.
 */
final class GatedStart {
    private volatile HandshakeGate.Ticket ticket;

    /**
     * Starts {@code t} with {@code remote} when admitted, unless it has finished or {@code stillWanted}
     * says it was replaced meanwhile; a start that throws gives its place back and goes to {@code failed}.
     */
    void start(HandshakeGate gate, MediaTransport t, RemoteParameters remote, BooleanSupplier stillWanted,
               Consumer<RuntimeException> failed) {
        gate.admit(admitted -> {
            ticket = admitted;
            if (t.isFinished() || !stillWanted.getAsBoolean()) {
                admitted.release();
                return;
            }
            try {
                t.start(remote);
            } catch (RuntimeException e) {
                admitted.release();
                failed.accept(e);
            }
        });
    }

    /** Gives the place back; further calls do nothing. */
    void release() {
        HandshakeGate.Ticket t = ticket;
        if (t != null) {
            t.release();
        }
    }
}
