package io.parley.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.transport.srtp.SrtpProfile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** RFC 7675: when the path goes silent, both sides notice, close and say why. */
class ConsentFreshnessTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    @Test
    void a_silent_peer_is_closed_and_reported_on_both_sides() throws Exception {
        TransportLimits quick = TransportLimits.DEFAULTS.withConsentTimeoutMillis(2500);
        try (MediaServer server = MediaServer.start(new InetSocketAddress(LO, 0), quick);
             MediaClient client = new MediaClient(LO, quick);
             LossyRelay relay = new LossyRelay(server.localAddress(), 0)) {
            RecordingListener se = new RecordingListener();
            RecordingListener ce = new RecordingListener();
            MediaTransport st = server.createTransport(se);
            MediaTransport ct = client.createTransport(ce, SrtpProfile.AES128_CM_HMAC_SHA1_80);
            st.start(RemoteParameters.forServer(ct.localIce(), ct.localFingerprint()));
            ct.start(RemoteParameters.forClient(st.localIce(), st.localFingerprint(), relay.address()));
            ce.connected.get(10, TimeUnit.SECONDS);
            se.connected.get(10, TimeUnit.SECONDS);

            // Consent checks keep a quiet but present peer alive past the timeout.
            Thread.sleep(4000);
            assertThat(st.state()).isEqualTo(MediaTransport.State.CONNECTED);
            assertThat(ct.state()).isEqualTo(MediaTransport.State.CONNECTED);

            relay.blackhole = true;
            assertThat(se.ended.get(10, TimeUnit.SECONDS)).startsWith("closed: consent expired");
            assertThat(ce.ended.get(10, TimeUnit.SECONDS)).startsWith("failed: consent expired");
            assertThat(server.transportCount()).isZero();
        }
    }

    @Test
    void a_transport_never_started_fails_at_the_setup_limit_and_frees_its_ufrag() throws Exception {
        TransportLimits quick = new TransportLimits(64, 8, 1000, 1000, 30_000, 8);
        try (MediaServer server = MediaServer.start(new InetSocketAddress(LO, 0), quick)) {
            RecordingListener abandoned = new RecordingListener();
            server.createTransport(abandoned);
            assertThat(abandoned.ended.get(10, TimeUnit.SECONDS)).isEqualTo("failed: not connected within 1000 ms");
            assertThat(server.transportCount()).isZero();
        }
    }
}
