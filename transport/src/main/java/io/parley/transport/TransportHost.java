package io.parley.transport;

import io.parley.transport.dtls.DtlsCertificate;
import io.parley.transport.srtp.SrtpProfile;
import io.parley.transport.udp.PacketRouter;
import io.parley.transport.udp.UdpPort;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the transports on one UDP port share: the port and its router, the DTLS certificate and
 * handshake threads, the limits, and the count of handshakes in progress per address and in
 * total that keeps a handshake flood bounded (RFC 6347 §4.2.1).
 */
final class TransportHost {
    final UdpPort port;
    final PacketRouter router;
    final DtlsCertificate certificate;
    final Executor handshakeExecutor;
    final TransportLimits limits;
    final SrtpProfile[] profiles;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
    final LongAdder handshakesRefused = new LongAdder();

    TransportHost(UdpPort port, PacketRouter router, DtlsCertificate certificate, Executor handshakeExecutor,
                  TransportLimits limits, SrtpProfile[] profiles) {
        this.port = port;
        this.router = router;
        this.certificate = certificate;
        this.handshakeExecutor = handshakeExecutor;
        this.limits = limits;
        this.profiles = profiles;
    }

    /** Claims a handshake slot for {@code peer}; false (and counted) when a limit is reached. */
    boolean beginHandshake(InetAddress peer) {
        if (handshakes.incrementAndGet() > limits.maxHandshakes()) {
            handshakes.decrementAndGet();
            handshakesRefused.increment();
            return false;
        }
        boolean[] claimed = {false};
        perAddress.compute(peer, (a, n) -> {
            int count = n == null ? 0 : n;
            if (count >= limits.maxHandshakesPerAddress()) {
                return n;
            }
            claimed[0] = true;
            return count + 1;
        });
        if (!claimed[0]) {
            handshakes.decrementAndGet();
            handshakesRefused.increment();
        }
        return claimed[0];
    }

    void endHandshake(InetAddress peer) {
        handshakes.decrementAndGet();
        perAddress.computeIfPresent(peer, (a, n) -> n <= 1 ? null : n - 1);
    }

    int handshakesInProgress() {
        return handshakes.get();
    }
}
