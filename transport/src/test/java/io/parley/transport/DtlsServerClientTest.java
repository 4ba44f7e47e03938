package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.transport.dtls.DtlsCertificate;
import io.parley.transport.dtls.DtlsRole;
import io.parley.transport.srtp.SrtpProfile;
import io.parley.transport.udp.PacketRouter;
import io.parley.transport.udp.UdpPort;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our controlling client in the DTLS server role (it offered a=setup:actpass and the peer answered
 * a=setup:active, RFC 5763 §5) against a peer shaped like Janus with ice_lite: an ICE-lite agent
 * that opens the DTLS handshake once it is nominated. The peer is built from the transport's own
 * real parts on its own UDP port, only with the roles crossed the other way.
 */
class DtlsServerClientTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private MediaClient client;
    private UdpPort peerPort;
    private ThreadPoolExecutor peerHandshakes;
    private TransportHost peerHost;

    @BeforeEach
    void start() {
        client = new MediaClient(LO, TransportLimits.DEFAULTS);
        PacketRouter router = new PacketRouter();
        peerPort = UdpPort.bind(new InetSocketAddress(LO, 0), router);
        peerHandshakes = HandshakeThreads.create("lite-dtls-client", 4);
        peerHost = new TransportHost(peerPort, router, DtlsCertificate.generate(), peerHandshakes, TransportLimits.DEFAULTS,
                new SrtpProfile[] {SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80});
    }

    @AfterEach
    void stop() {
        client.close();
        peerPort.close();
        peerHandshakes.shutdownNow();
    }

    private MediaTransport litePeer(RecordingListener events) {
        return new MediaTransport(peerHost, DtlsRole.CLIENT, true, events);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void a_controlling_dtls_server_connects_to_a_lite_dtls_client_and_media_flows_both_ways(SrtpProfile profile)
            throws Exception {
        RecordingListener pe = new RecordingListener();
        RecordingListener ce = new RecordingListener();
        MediaTransport peer = litePeer(pe);
        MediaTransport ours = client.createTransport(ce, DtlsRole.SERVER, profile);
        assertThat(ours.dtlsRole()).isEqualTo(DtlsRole.SERVER);
        peer.start(RemoteParameters.forServer(ours.localIce(), ours.localFingerprint()));
        ours.start(RemoteParameters.forClient(peer.localIce(), peer.localFingerprint(), peerPort.localAddress()));

        ce.connected.get(10, TimeUnit.SECONDS);
        pe.connected.get(10, TimeUnit.SECONDS);
        assertThat(peer.remoteAddress()).isEqualTo(ours.localAddress());
        for (int i = 0; i < 10; i++) {
            byte[] up = LoopbackHandshakeTest.rtp(100 + i, 0x4444, 1000);
            // The nomination answer may still be on its way when the handshake has finished.
            assertThat(sendWhenSelected(ours, up)).isTrue();
            assertThat(pe.rtp.poll(5, TimeUnit.SECONDS)).isEqualTo(up);
            byte[] down = LoopbackHandshakeTest.rtp(200 + i, 0x5555, 200);
            assertThat(peer.sendRtp(down, 0, down.length)).isTrue();
            assertThat(ce.rtp.poll(5, TimeUnit.SECONDS)).isEqualTo(down);
        }
        assertThat(ours.srtpFailures()).isZero();
        assertThat(peer.srtpFailures()).isZero();

        ours.close();
        assertThat(ce.ended.get(5, TimeUnit.SECONDS)).isEqualTo("closed: closed locally");
        assertThat(pe.ended.get(5, TimeUnit.SECONDS)).isEqualTo("closed: close_notify from the peer");
    }

    @Test
    void a_client_certificate_that_does_not_match_the_peers_fingerprint_is_refused_by_our_server_role() throws Exception {
        RecordingListener pe = new RecordingListener();
        RecordingListener ce = new RecordingListener();
        MediaTransport peer = litePeer(pe);
        MediaTransport ours = client.createTransport(ce, DtlsRole.SERVER);
        peer.start(RemoteParameters.forServer(ours.localIce(), ours.localFingerprint()));
        ours.start(RemoteParameters.forClient(peer.localIce(), DtlsCertificate.generate().fingerprint(),
                peerPort.localAddress()));
        assertThat(ce.ended.get(15, TimeUnit.SECONDS)).contains("does not match the fingerprint");
        assertThat(ours.state()).isEqualTo(MediaTransport.State.FAILED);
    }

    private static boolean sendWhenSelected(MediaTransport t, byte[] p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (t.sendRtp(p, 0, p.length)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
