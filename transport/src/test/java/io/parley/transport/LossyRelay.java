package io.parley.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test network between one client and the server over loopback UDP that loses the first
 * {@code dropDtls} DTLS datagrams the client sends, as a congested path would.
 */
final class LossyRelay implements AutoCloseable {
    private final DatagramSocket clientSide;
    private final DatagramSocket serverSide;
    private final InetSocketAddress server;
    private final AtomicInteger dtlsToDrop;
    final AtomicInteger dropped = new AtomicInteger();
    /** When set, nothing passes either way: both peers go silent to each other. */
    volatile boolean blackhole;
    private volatile InetSocketAddress client;

    LossyRelay(InetSocketAddress server, int dropDtls) throws SocketException {
        this.server = server;
        this.dtlsToDrop = new AtomicInteger(dropDtls);
        InetAddress lo = InetAddress.getLoopbackAddress();
        clientSide = new DatagramSocket(new InetSocketAddress(lo, 0));
        serverSide = new DatagramSocket(new InetSocketAddress(lo, 0));
        start("relay-up", clientSide, true);
        start("relay-down", serverSide, false);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) clientSide.getLocalSocketAddress();
    }

    private void start(String name, DatagramSocket in, boolean up) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[2048];
            while (!in.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    in.receive(p);
                    if (blackhole) {
                        dropped.incrementAndGet();
                        continue;
                    }
                    if (up) {
                        client = (InetSocketAddress) p.getSocketAddress();
                        int first = buf[0] & 0xFF;
                        if (first >= 20 && first <= 63 && dtlsToDrop.getAndDecrement() > 0) {
                            dropped.incrementAndGet();
                            continue;
                        }
                        serverSide.send(new DatagramPacket(buf, p.getLength(), server));
                    } else if (client != null) {
                        clientSide.send(new DatagramPacket(buf, p.getLength(), client));
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        clientSide.close();
        serverSide.close();
    }
}
