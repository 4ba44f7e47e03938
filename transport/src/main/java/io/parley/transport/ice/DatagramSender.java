package io.parley.transport.ice;

import java.net.InetSocketAddress;

/** How an ICE agent sends STUN: through the shared UDP port (RFC 8445 §5.1.1.1, one host candidate). */
@FunctionalInterface
public interface DatagramSender {
    void send(InetSocketAddress to, byte[] buf, int off, int len);
}
