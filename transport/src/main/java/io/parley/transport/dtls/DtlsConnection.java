package io.parley.transport.dtls;

import io.parley.transport.srtp.SrtpKeys;
import io.parley.transport.srtp.SrtpProfile;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DTLS 1.2 association for DTLS-SRTP (RFC 5764 §4): runs BouncyCastle's blocking handshake on
 * a thread of the handshake executor, with its retransmission of lost flights (RFC 6347 §4.2.4)
 * and a time limit, and reports the SRTP keys or the failure exactly once.
 *
 * <p>After the handshake the peer may still send records: a retransmitted final flight when our
 * last one was lost, or close_notify. Each wakes a short task that lets BouncyCastle answer it.
 */
public final class DtlsConnection {
    /** What a connection reports, once. */
    public interface Listener {
        void connected(SrtpKeys keys);

        void failed(String reason);

        /** The peer ended the association with close_notify (RFC 5246 §7.2.1). */
        void closed(String reason);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DtlsConnection.class);
    private static final int IDLE = 0;
    private static final int HANDSHAKING = 1;
    private static final int CONNECTED = 2;
    private static final int DONE = 3;

    private final DtlsRole role;
    private final DtlsCertificate certificate;
    private final Fingerprint remote;
    private final Executor executor;
    private final Listener listener;
    private final int handshakeTimeoutMillis;
    private final SrtpProfile[] profiles;
    private final RecordQueue queue;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final AtomicInteger pendingDrains = new AtomicInteger();
    private volatile DTLSTransport transport;

    /**
     * @param remote                 the peer's certificate fingerprint from its SDP
     * @param executor               runs handshakes; its size bounds how many run at once
     * @param handshakeTimeoutMillis the whole handshake must finish within this
     * @param profiles               SRTP profiles we accept, most preferred first
     */
    public DtlsConnection(DtlsRole role, DtlsCertificate certificate, Fingerprint remote, Executor executor,
                          DatagramOutput output, Listener listener, int handshakeTimeoutMillis,
                          SrtpProfile... profiles) {
        if (profiles.length == 0) {
            throw new IllegalArgumentException("at least one SRTP profile");
        }
        this.role = role;
        this.certificate = certificate;
        this.remote = remote;
        this.executor = executor;
        this.listener = listener;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.profiles = profiles.clone();
        this.queue = new RecordQueue(output);
    }

    public DtlsRole role() {
        return role;
    }

    public boolean isConnected() {
        return state.get() == CONNECTED;
    }

    /** Starts the handshake; a server waits for the ClientHello. Idempotent. */
    public void start() {
        if (!state.compareAndSet(IDLE, HANDSHAKING)) {
            return;
        }
        try {
            executor.execute(this::handshake);
        } catch (RejectedExecutionException e) {
            fail("too many DTLS handshakes in progress");
        }
    }

    /**
     * Hands over a datagram the demux classified as DTLS (RFC 7983: first byte 20..63). Returns
     * false when it was dropped (closed, or the queue is full). Never blocks.
     */
    public boolean receive(byte[] buf, int off, int len) {
        int s = state.get();
        if (s == DONE) {
            return false;
        }
        if (s == IDLE && role == DtlsRole.SERVER) {
            start();
        }
        if (!queue.offer(buf, off, len)) {
            return false;
        }
        if (state.get() == CONNECTED && pendingDrains.getAndIncrement() == 0) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                pendingDrains.set(0);
            }
        }
        return true;
    }

    /** Ends the association; sends close_notify when connected. */
    public void close() {
        if (state.getAndSet(DONE) == DONE) {
            return;
        }
        DTLSTransport t = transport;
        if (t != null) {
            try {
                t.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("close_notify not sent: {}", e.toString());
            }
        }
        queue.close();
    }

    private void handshake() {
        SrtpKeys keys;
        try {
            if (role == DtlsRole.SERVER) {
                DtlsServer server = new DtlsServer(certificate, remote, handshakeTimeoutMillis, profiles);
                DTLSServerProtocol protocol = new DTLSServerProtocol();
                // ICE has already proven the peer's address with credentials (RFC 8445 §7.2.5),
                // so a HelloVerifyRequest round trip would add latency and no protection.
                protocol.setVerifyRequests(false);
                transport = protocol.accept(server, queue);
                keys = server.keys();
            } else {
                DtlsClient client = new DtlsClient(certificate, remote, handshakeTimeoutMillis, profiles);
                transport = new DTLSClientProtocol().connect(client, queue);
                keys = client.keys();
            }
        } catch (IOException | RuntimeException e) {
            fail("DTLS handshake failed: " + e.getMessage());
            return;
        }
        if (state.compareAndSet(HANDSHAKING, CONNECTED)) {
            listener.connected(keys);
            if (pendingDrains.getAndIncrement() == 0) {
                drain();
            }
        } else {
            close();
        }
    }

    private void drain() {
        byte[] buf = new byte[RecordQueue.MTU * 2];
        do {
            try {
                DTLSTransport t = transport;
                while (t != null && state.get() == CONNECTED && t.receive(buf, 0, buf.length, 1) >= 0) {
                    // Application data is not used by DTLS-SRTP media; BouncyCastle answered what it had to.
                }
            } catch (IOException | RuntimeException e) {
                endAfterHandshake(e.getMessage());
                return;
            }
            if (queue.isClosed()) {
                endAfterHandshake(null);
                return;
            }
        } while (pendingDrains.decrementAndGet() > 0);
    }

    /** BouncyCastle closes our queue when it reads close_notify; anything else is an error. */
    private void endAfterHandshake(String error) {
        boolean closeNotify = queue.isClosed();
        if (state.compareAndSet(CONNECTED, DONE)) {
            queue.close();
            if (closeNotify) {
                listener.closed("close_notify from the peer");
            } else {
                listener.failed("DTLS failed after the handshake: " + error);
            }
        }
    }

    private void fail(String reason) {
        int before = state.getAndSet(DONE);
        queue.close();
        if (before != DONE) {
            listener.failed(reason);
        }
    }
}
