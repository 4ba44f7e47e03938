package io.parley.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link UdpPort#send} from a thread other than the port's event loop (a DTLS handshake thread, an
 * SDK pacer): every datagram must leave without waiting for a later send to flush it.
 */
class UdpPortSendTest {

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void a_burst_from_another_thread_leaves_whole_with_nothing_sent_after_it() throws Exception {
        try (UdpPort port = UdpPort.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), (b, o, l, s) -> { });
             DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            peer.setSoTimeout(2000);
            InetSocketAddress to = (InetSocketAddress) peer.getLocalSocketAddress();
            for (int burst = 0; burst < 20; burst++) {
                for (int i = 0; i < 5; i++) {
                    byte[] d = {(byte) burst, (byte) i};
                    port.send(to, d, 0, d.length);
                }
                Set<Integer> got = new HashSet<>();
                byte[] in = new byte[16];
                try {
                    while (got.size() < 5) {
                        DatagramPacket p = new DatagramPacket(in, in.length);
                        peer.receive(p);
                        if (in[0] == burst) {
                            got.add((int) in[1]);
                        }
                    }
                } catch (SocketTimeoutException e) {
                    // Reported below with what did arrive.
                }
                assertThat(got).as("datagrams of burst %d that left within 2 s", burst).hasSize(5);
            }
        }
    }
}
