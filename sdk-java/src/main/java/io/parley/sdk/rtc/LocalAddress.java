package io.parley.sdk.rtc;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The local address media is sent from: the one the operating system routes towards the server.
 * 127.0.0.1 for a server on loopback, so tests never leave the host; the wildcard when no route is found.
 */
public final class LocalAddress {
    private LocalAddress() {
    }

    public static InetAddress toward(URI server) {
        try {
            InetAddress remote = InetAddress.getByName(server.getHost());
            if (remote.isLoopbackAddress()) {
                return InetAddress.getByName("127.0.0.1");
            }
            try (DatagramSocket probe = new DatagramSocket()) {
                // connect() on UDP sends nothing: it only asks the routing table for the source address.
                probe.connect(new InetSocketAddress(remote, 9));
                InetAddress local = probe.getLocalAddress();
                if (local != null && !local.isAnyLocalAddress()) {
                    return local;
                }
            }
        } catch (java.io.IOException e) {
            // fall through to the wildcard
        }
        try {
            return InetAddress.getByName("0.0.0.0");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
