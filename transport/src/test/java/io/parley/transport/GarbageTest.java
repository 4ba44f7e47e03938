package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.transport.dtls.DtlsCertificate;
import io.parley.transport.ice.IceCredentials;
import io.parley.transport.srtp.SrtpProfile;
import io.parley.transport.udp.PacketRouter;
import io.parley.wire.stun.StunCredentials;
import io.parley.wire.stun.StunMessage;
import io.parley.wire.stun.StunMessageType;
import io.parley.wire.stun.StunWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What strangers can throw at the port: random bytes, checks with the wrong password, DTLS from
 * addresses ICE never validated, and a flood of handshakes. Nothing crashes, the counters say what
 * was dropped, and a session already connected goes on untouched.
 */
class GarbageTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    private static final IceCredentials STRANGER = new IceCredentials("strg", "strangerPassword01234567");

    private static byte[] check(MediaTransport target, String peerUfrag, String pwd) {
        byte[] buf = new byte[200];
        byte[] id = new byte[12];
        new Random().nextBytes(id);
        StunWriter w = new StunWriter(buf, 0).start(StunMessageType.BINDING_REQUEST, id)
                .username(target.localIce().ufrag() + ":" + peerUfrag)
                .priority(1).iceControlling(1).useCandidate()
                .messageIntegrity(StunCredentials.shortTermKey(pwd)).fingerprint();
        return Arrays.copyOf(buf, w.length());
    }

    /**
     * A DTLS 1.2 handshake record (RFC 6347 §4.1) from an epoch the server is not in, which it must
     * discard silently (§4.1.2.7) and go on waiting: the cheapest way to keep a handshake open.
     */
    private static byte[] dtlsRecord() {
        byte[] r = new byte[60];
        r[0] = 22;
        r[1] = (byte) 0xFE;
        r[2] = (byte) 0xFD;
        r[4] = 5;
        r[12] = 47;
        r[13] = 1;
        return r;
    }

    private static long dropped(PacketRouter r) {
        return r.malformedStun() + r.unknownUfrag() + r.unknownAddress() + r.unknownKind();
    }

    @Test
    void random_bytes_bad_integrity_and_unknown_dtls_are_dropped_and_counted() throws Exception {
        try (MediaServer server = MediaServer.start(new InetSocketAddress(LO, 0), TransportLimits.DEFAULTS);
             MediaClient client = new MediaClient(LO, TransportLimits.DEFAULTS);
             DatagramSocket stranger = new DatagramSocket(new InetSocketAddress(LO, 0))) {
            RecordingListener se = new RecordingListener();
            RecordingListener ce = new RecordingListener();
            MediaTransport st = server.createTransport(se);
            MediaTransport ct = client.createTransport(ce, SrtpProfile.AEAD_AES_128_GCM);
            st.start(RemoteParameters.forServer(ct.localIce(), ct.localFingerprint()));
            ct.start(RemoteParameters.forClient(st.localIce(), st.localFingerprint(), server.localAddress()));
            se.connected.get(10, TimeUnit.SECONDS);
            ce.connected.get(10, TimeUnit.SECONDS);
            PacketRouter router = server.router();
            long before = dropped(router);

            Random random = new Random(1);
            int[] firstBytes = {0, 1, 2, 3, 22, 23, 63, 128, 144, 191, 64, 200, 255};
            int garbage = 3000;
            for (int i = 0; i < garbage; i++) {
                byte[] junk = new byte[1 + random.nextInt(1400)];
                random.nextBytes(junk);
                junk[0] = (byte) firstBytes[i % firstBytes.length];
                stranger.send(new DatagramPacket(junk, junk.length, server.localAddress()));
                if (i % 200 == 0) {
                    Thread.sleep(5);
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> dropped(router) - before >= garbage);
            assertThat(dropped(router) - before).isEqualTo(garbage);

            // Right ufrag, wrong password: answered 401, never validated.
            for (int i = 0; i < 20; i++) {
                byte[] c = check(st, ct.localIce().ufrag(), "wrongPassword0123456789x");
                stranger.send(new DatagramPacket(c, c.length, server.localAddress()));
            }
            stranger.setSoTimeout(2000);
            byte[] in = new byte[600];
            DatagramPacket reply = new DatagramPacket(in, in.length);
            stranger.receive(reply);
            assertThat(StunMessage.parse(in, 0, reply.getLength()).errorCode()).isEqualTo(401);
            await().atMost(Duration.ofSeconds(5)).until(() -> st.stunRejected() == 20);

            // DTLS from the stranger's never-validated address reaches no session.
            long unknownBefore = router.unknownAddress();
            for (int i = 0; i < 50; i++) {
                byte[] r = dtlsRecord();
                stranger.send(new DatagramPacket(r, r.length, server.localAddress()));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> router.unknownAddress() - unknownBefore == 50);
            assertThat(server.handshakesInProgress()).isZero();
            assertThat(server.port().receiverErrors()).isZero();

            // The connected session never noticed.
            byte[] up = LoopbackHandshakeTest.rtp(1, 0x77, 500);
            assertThat(ct.sendRtp(up, 0, up.length)).isTrue();
            assertThat(se.rtp.poll(5, TimeUnit.SECONDS)).isEqualTo(up);
            byte[] down = LoopbackHandshakeTest.rtp(2, 0x78, 500);
            assertThat(st.sendRtp(down, 0, down.length)).isTrue();
            assertThat(ce.rtp.poll(5, TimeUnit.SECONDS)).isEqualTo(down);
            assertThat(st.srtpFailures()).isZero();
            assertThat(st.state()).isEqualTo(MediaTransport.State.CONNECTED);
        }
    }

    @Test
    void a_handshake_flood_is_bounded_per_address_and_released_at_the_time_limit() throws Exception {
        TransportLimits tight = new TransportLimits(4, 2, 1500, 4000, 30_000, 8);
        List<DatagramSocket> peers = new ArrayList<>();
        try (MediaServer server = MediaServer.start(new InetSocketAddress(LO, 0), tight)) {
            List<RecordingListener> events = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                RecordingListener l = new RecordingListener();
                events.add(l);
                MediaTransport t = server.createTransport(l);
                t.start(RemoteParameters.forServer(STRANGER, DtlsCertificate.generate().fingerprint()));
                DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LO, 0));
                peer.setSoTimeout(2000);
                peers.add(peer);
                // A peer that knows the credentials passes ICE, then floods the DTLS server.
                byte[] c = check(t, STRANGER.ufrag(), t.localIce().pwd());
                peer.send(new DatagramPacket(c, c.length, server.localAddress()));
                byte[] in = new byte[600];
                DatagramPacket reply = new DatagramPacket(in, in.length);
                peer.receive(reply);
                assertThat(StunMessage.parse(in, 0, reply.getLength()).messageType())
                        .isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
                byte[] r = dtlsRecord();
                peer.send(new DatagramPacket(r, r.length, server.localAddress()));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> server.handshakesRefused() >= 4);
            assertThat(server.handshakesInProgress()).isLessThanOrEqualTo(2);

            // Every transport ends by the handshake or setup limit, and every slot comes back.
            for (RecordingListener l : events) {
                assertThat(l.ended.get(15, TimeUnit.SECONDS)).startsWith("failed");
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> server.handshakesInProgress() == 0);
            assertThat(server.port().receiverErrors()).isZero();
        } finally {
            peers.forEach(DatagramSocket::close);
        }
    }
}
