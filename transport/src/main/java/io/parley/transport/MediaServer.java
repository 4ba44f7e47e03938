package io.parley.transport;

import io.parley.transport.dtls.DtlsCertificate;
import io.parley.transport.dtls.DtlsRole;
import io.parley.transport.srtp.SrtpProfile;
import io.parley.transport.udp.PacketRouter;
import io.parley.transport.udp.UdpPort;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The server's side of media transport: one UDP port for all sessions, ICE-lite (RFC 8445 §2.5)
 * and the DTLS server role (RFC 5763 §5, a=setup:passive). The SFU asks it for a
 * {@link MediaTransport} per publisher or player connection.
 */
public final class MediaServer implements AutoCloseable {
    private final TransportHost host;
    private final ThreadPoolExecutor handshakes;
    private final Set<MediaTransport> transports = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> sweeper;

    private MediaServer(TransportHost host, ThreadPoolExecutor handshakes) {
        this.host = host;
        this.handshakes = handshakes;
        this.sweeper = host.port.eventLoop().scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    /** Binds the port (e.g. 0.0.0.0:50000) with a fresh certificate and both SRTP profiles, GCM preferred. */
    public static MediaServer start(InetSocketAddress bind, TransportLimits limits) {
        return start(bind, limits, SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80);
    }

    /** As {@link #start(InetSocketAddress, TransportLimits)}, accepting only {@code profiles}, preferred first. */
    public static MediaServer start(InetSocketAddress bind, TransportLimits limits, SrtpProfile... profiles) {
        PacketRouter router = new PacketRouter();
        UdpPort port = UdpPort.bind(bind, router);
        ThreadPoolExecutor pool = HandshakeThreads.create("dtls-server", limits.maxHandshakes());
        return new MediaServer(new TransportHost(port, router, DtlsCertificate.generate(), pool, limits, profiles), pool);
    }

    /** A new transport with its own ICE credentials; {@link MediaTransport#start} it with the peer's SDP values. */
    public MediaTransport createTransport(MediaTransport.Listener listener) {
        MediaTransport t = new MediaTransport(host, DtlsRole.SERVER, listener);
        transports.add(t);
        return t;
    }

    public InetSocketAddress localAddress() {
        return host.port.localAddress();
    }

    public UdpPort port() {
        return host.port;
    }

    public PacketRouter router() {
        return host.router;
    }

    /** Transports neither closed nor failed. */
    public int transportCount() {
        int n = 0;
        for (MediaTransport t : transports) {
            if (!t.isFinished()) {
                n++;
            }
        }
        return n;
    }

    public int handshakesInProgress() {
        return host.handshakesInProgress();
    }

    /** DTLS handshakes not started because a limit of {@link TransportLimits} was reached. */
    public long handshakesRefused() {
        return host.handshakesRefused.sum();
    }

    private void sweep() {
        long now = System.nanoTime();
        for (MediaTransport t : transports) {
            t.checkTimers(now);
            if (t.isFinished()) {
                transports.remove(t);
            }
        }
    }

    @Override
    public void close() {
        sweeper.cancel(false);
        for (MediaTransport t : transports) {
            t.close();
        }
        transports.clear();
        host.port.close();
        handshakes.shutdownNow();
    }
}
