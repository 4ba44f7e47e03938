package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.transport.dtls.DtlsCertificate;
import io.parley.transport.srtp.SrtpProfile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our client role against our server role over loopback UDP: ICE, DTLS-SRTP, media both ways. */
class LoopbackHandshakeTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private MediaServer server;
    private MediaClient client;

    @BeforeEach
    void start() {
        server = MediaServer.start(new InetSocketAddress(LO, 0), TransportLimits.DEFAULTS);
        client = new MediaClient(LO, TransportLimits.DEFAULTS);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    static byte[] rtp(int seq, int ssrc, int payloadLength) {
        byte[] p = new byte[12 + payloadLength];
        p[0] = (byte) 0x80;
        p[1] = 96;
        p[2] = (byte) (seq >> 8);
        p[3] = (byte) seq;
        p[8] = (byte) (ssrc >>> 24);
        p[11] = (byte) ssrc;
        for (int i = 12; i < p.length; i++) {
            p[i] = (byte) (i ^ seq);
        }
        return p;
    }

    static byte[] receiverReport(int ssrc) {
        byte[] p = new byte[8];
        p[0] = (byte) 0x80;
        p[1] = (byte) 201;
        p[3] = 1;
        p[7] = (byte) ssrc;
        return p;
    }

    private record Pair(MediaTransport client, RecordingListener clientEvents, MediaTransport server, RecordingListener serverEvents) {
    }

    private Pair connect(InetSocketAddress serverAddress, SrtpProfile... profiles) {
        RecordingListener se = new RecordingListener();
        RecordingListener ce = new RecordingListener();
        MediaTransport st = server.createTransport(se);
        MediaTransport ct = client.createTransport(ce, profiles);
        // The SDP exchange, reduced to the values it carries.
        st.start(RemoteParameters.forServer(ct.localIce(), ct.localFingerprint()));
        ct.start(RemoteParameters.forClient(st.localIce(), st.localFingerprint(), serverAddress));
        return new Pair(ct, ce, st, se);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void client_and_server_connect_and_exchange_srtp_both_ways(SrtpProfile profile) throws Exception {
        Pair p = connect(server.localAddress(), profile);
        p.clientEvents.connected.get(10, TimeUnit.SECONDS);
        p.serverEvents.connected.get(10, TimeUnit.SECONDS);
        assertThat(p.server.remoteAddress()).isEqualTo(p.client.localAddress());

        for (int i = 0; i < 20; i++) {
            byte[] up = rtp(1000 + i, 0x1111, 1200);
            assertThat(p.client.sendRtp(up, 0, up.length)).isTrue();
            assertThat(p.serverEvents.rtp.poll(5, TimeUnit.SECONDS)).isEqualTo(up);
            byte[] down = rtp(2000 + i, 0x2222, 300);
            assertThat(p.server.sendRtp(down, 0, down.length)).isTrue();
            assertThat(p.clientEvents.rtp.poll(5, TimeUnit.SECONDS)).isEqualTo(down);
        }
        byte[] rr = receiverReport(0x1111);
        assertThat(p.server.sendRtcp(rr, 0, rr.length)).isTrue();
        assertThat(p.clientEvents.rtcp.poll(5, TimeUnit.SECONDS)).isEqualTo(rr);
        assertThat(p.client.sendRtcp(rr, 0, rr.length)).isTrue();
        assertThat(p.serverEvents.rtcp.poll(5, TimeUnit.SECONDS)).isEqualTo(rr);
        assertThat(p.server.srtpFailures()).isZero();

        p.client.close();
        assertThat(p.clientEvents.ended.get(5, TimeUnit.SECONDS)).isEqualTo("closed: closed locally");
        assertThat(p.serverEvents.ended.get(5, TimeUnit.SECONDS)).isEqualTo("closed: close_notify from the peer");
        assertThat(server.transportCount()).isZero();
    }

    @Test
    void checks_go_to_every_server_candidate_and_the_one_that_answers_is_nominated() throws Exception {
        InetSocketAddress silent;
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(new InetSocketAddress(LO, 0))) {
            silent = (InetSocketAddress) s.getLocalSocketAddress();
        }
        RecordingListener se = new RecordingListener();
        RecordingListener ce = new RecordingListener();
        MediaTransport st = server.createTransport(se);
        MediaTransport ct = client.createTransport(ce);
        st.start(RemoteParameters.forServer(ct.localIce(), ct.localFingerprint()));
        ct.start(RemoteParameters.forClient(st.localIce(), st.localFingerprint(), silent, server.localAddress()));
        ce.connected.get(10, TimeUnit.SECONDS);
        assertThat(ct.remoteAddress()).isEqualTo(server.localAddress());
    }

    @Test
    void a_server_fingerprint_that_does_not_match_is_refused() throws Exception {
        RecordingListener se = new RecordingListener();
        RecordingListener ce = new RecordingListener();
        MediaTransport st = server.createTransport(se);
        MediaTransport ct = client.createTransport(ce);
        st.start(RemoteParameters.forServer(ct.localIce(), ct.localFingerprint()));
        ct.start(RemoteParameters.forClient(st.localIce(), DtlsCertificate.generate().fingerprint(), server.localAddress()));
        assertThat(ce.ended.get(15, TimeUnit.SECONDS)).contains("does not match the fingerprint");
        assertThat(ct.state()).isEqualTo(MediaTransport.State.FAILED);
        byte[] up = rtp(1, 1, 10);
        assertThat(ct.sendRtp(up, 0, up.length)).isFalse();
    }

    @Test
    void a_client_fingerprint_that_does_not_match_is_refused() throws Exception {
        RecordingListener se = new RecordingListener();
        RecordingListener ce = new RecordingListener();
        MediaTransport st = server.createTransport(se);
        MediaTransport ct = client.createTransport(ce);
        st.start(RemoteParameters.forServer(ct.localIce(), DtlsCertificate.generate().fingerprint()));
        ct.start(RemoteParameters.forClient(st.localIce(), st.localFingerprint(), server.localAddress()));
        assertThat(se.ended.get(15, TimeUnit.SECONDS)).contains("does not match the fingerprint");
        assertThat(server.handshakesInProgress()).isZero();
    }

    @Test
    void a_lost_first_dtls_flight_is_recovered() throws Exception {
        try (LossyRelay relay = new LossyRelay(server.localAddress(), 1)) {
            Pair p = connect(relay.address(), SrtpProfile.AEAD_AES_128_GCM);
            p.clientEvents.connected.get(15, TimeUnit.SECONDS);
            p.serverEvents.connected.get(15, TimeUnit.SECONDS);
            assertThat(relay.dropped.get()).isEqualTo(1);
            byte[] up = rtp(7, 0x3333, 100);
            assertThat(p.client.sendRtp(up, 0, up.length)).isTrue();
            assertThat(Arrays.equals(p.serverEvents.rtp.poll(5, TimeUnit.SECONDS), up)).isTrue();
        }
    }
}
