package io.parley.transport.dtls;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Adapts BouncyCastle's blocking {@link DatagramTransport} to the shared port: the receive loop
 * offers datagrams here without blocking, the handshake thread takes them (RFC 6347 §4.1 records,
 * one or more per datagram). A full queue drops, as a congested network would.
 */
final class RecordQueue implements DatagramTransport {
    /** Flights are a handful of datagrams; more waiting than this is a flood. */
    static final int CAPACITY = 32;
    /** Path MTU we assume: the Ethernet 1500 minus IP and UDP headers, leaving room for a TURN relay later. */
    static final int MTU = 1200;

    private final ArrayBlockingQueue<byte[]> incoming = new ArrayBlockingQueue<>(CAPACITY);
    private final DatagramOutput output;
    private volatile boolean closed;

    RecordQueue(DatagramOutput output) {
        this.output = output;
    }

    /** Called by the receive loop; returns false when the datagram was dropped. */
    boolean offer(byte[] buf, int off, int len) {
        if (closed || len > MTU * 2) {
            return false;
        }
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        return incoming.offer(copy);
    }

    @Override
    public int getReceiveLimit() {
        return MTU * 2;
    }

    @Override
    public int getSendLimit() {
        return MTU;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        byte[] datagram;
        try {
            datagram = incoming.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for a DTLS record");
        }
        if (datagram == null) {
            return -1;
        }
        int n = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, n);
        return n;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        output.send(buf, off, len);
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        incoming.clear();
    }
}
