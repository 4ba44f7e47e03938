package io.parley.transport;

import io.netty.channel.EventLoopGroup;
import io.parley.transport.dtls.DtlsCertificate;
import io.parley.transport.dtls.DtlsRole;
import io.parley.transport.srtp.SrtpProfile;
import io.parley.transport.udp.PacketRouter;
import io.parley.transport.udp.UdpPort;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The Java SDK's side of media transport: a full, controlling ICE agent (RFC 8445) and the DTLS
 * client role (a=setup:active), or the server role for a peer that answers a=setup:active. Each
 * transport gets its own ephemeral UDP port, so that two transports to the same server never share
 * a 5-tuple; the ports share one event-loop thread per core, so a load generator with a thousand
 * transports does not need a thousand threads.
 */
public final class MediaClient implements AutoCloseable {
    private final DtlsCertificate certificate = DtlsCertificate.generate();
    private final TransportLimits limits;
    private final ThreadPoolExecutor handshakes;
    private final EventLoopGroup group = UdpPort.newGroup(Runtime.getRuntime().availableProcessors());
    private final InetAddress bindAddress;

    /** @param bindAddress the local address to send from (127.0.0.1 in tests, 0.0.0.0 otherwise) */
    public MediaClient(InetAddress bindAddress, TransportLimits limits) {
        this.bindAddress = bindAddress;
        this.limits = limits;
        this.handshakes = HandshakeThreads.create("dtls-client", limits.maxHandshakes());
    }

    /** A new transport; closing it closes its port too. Offers {@code profiles}, or both when none are given. */
    public MediaTransport createTransport(MediaTransport.Listener listener, SrtpProfile... profiles) {
        return createTransport(listener, DtlsRole.CLIENT, profiles);
    }

    /**
     * As {@link #createTransport(MediaTransport.Listener, SrtpProfile...)}, in the DTLS role the
     * peer's SDP leaves us: {@link DtlsRole#SERVER} when an ICE-lite peer answers {@code a=setup:active}
     * (RFC 5763 §5), as Janus does. ICE stays full and controlling either way.
     */
    public MediaTransport createTransport(MediaTransport.Listener listener, DtlsRole role, SrtpProfile... profiles) {
        SrtpProfile[] offer = profiles.length > 0 ? profiles
                : new SrtpProfile[] {SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80};
        PacketRouter router = new PacketRouter();
        UdpPort port = UdpPort.bind(new InetSocketAddress(bindAddress, 0), router, group);
        TransportHost host = new TransportHost(port, router, certificate, handshakes, limits, offer);
        return new MediaTransport(host, role, false, new ClosingListener(listener, port));
    }

    /** Stops the threads; transports still open stop working, so close them first. */
    @Override
    public void close() {
        handshakes.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Releases the transport's own port once the transport has ended. */
    private record ClosingListener(MediaTransport.Listener inner, UdpPort port) implements MediaTransport.Listener {
        @Override
        public void connected() {
            inner.connected();
        }

        @Override
        public void failed(String reason) {
            inner.failed(reason);
            closePort();
        }

        @Override
        public void closed(String reason) {
            inner.closed(reason);
            closePort();
        }

        @Override
        public void onRtp(byte[] buf, int off, int len) {
            inner.onRtp(buf, off, len);
        }

        @Override
        public void onRtcp(byte[] buf, int off, int len) {
            inner.onRtcp(buf, off, len);
        }

        private void closePort() {
            port.close();
        }
    }
}
