package io.parley.transport.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.transport.srtp.SrtpKeys;
import io.parley.transport.srtp.SrtpProfile;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our DTLS client and server roles against each other over an in-memory datagram pipe. */
class DtlsConnectionTest {
    private static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate();
    private static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate();
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static final class Result implements DtlsConnection.Listener {
        final CompletableFuture<SrtpKeys> keys = new CompletableFuture<>();
        final AtomicReference<String> failure = new AtomicReference<>();

        @Override
        public void connected(SrtpKeys k) {
            keys.complete(k);
        }

        @Override
        public void failed(String reason) {
            failure.set(reason);
            keys.completeExceptionally(new IllegalStateException(reason));
        }

        @Override
        public void closed(String reason) {
            failure.set(reason);
        }
    }

    private final AtomicReference<DtlsConnection> client = new AtomicReference<>();
    private final AtomicReference<DtlsConnection> server = new AtomicReference<>();

    private void pair(Fingerprint serverSeesClient, Result c, Result s, int dropClientDatagrams, SrtpProfile... profiles) {
        AtomicInteger toDrop = new AtomicInteger(dropClientDatagrams);
        client.set(new DtlsConnection(DtlsRole.CLIENT, CLIENT_CERT, SERVER_CERT.fingerprint(), executor,
                (b, o, l) -> {
                    if (toDrop.getAndDecrement() <= 0) {
                        server.get().receive(b, o, l);
                    }
                }, c, 5000, profiles));
        server.set(new DtlsConnection(DtlsRole.SERVER, SERVER_CERT, serverSeesClient, executor,
                (b, o, l) -> client.get().receive(b, o, l), s, 5000, profiles));
        client.get().start();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void both_roles_agree_on_the_profile_and_mirror_keys(SrtpProfile profile) throws Exception {
        Result c = new Result();
        Result s = new Result();
        pair(CLIENT_CERT.fingerprint(), c, s, 0, profile);
        SrtpKeys ck = c.keys.get(10, TimeUnit.SECONDS);
        SrtpKeys sk = s.keys.get(10, TimeUnit.SECONDS);
        assertThat(ck.profile()).isEqualTo(profile);
        assertThat(sk.profile()).isEqualTo(profile);
        assertThat(ck.localKey()).isEqualTo(sk.remoteKey());
        assertThat(ck.localSalt()).isEqualTo(sk.remoteSalt());
        assertThat(ck.remoteKey()).isEqualTo(sk.localKey());
        assertThat(ck.localKey()).isNotEqualTo(ck.remoteKey());
    }

    @Test
    void the_server_prefers_gcm_when_both_are_offered() throws Exception {
        Result c = new Result();
        Result s = new Result();
        pair(CLIENT_CERT.fingerprint(), c, s, 0, SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES128_CM_HMAC_SHA1_80);
        assertThat(s.keys.get(10, TimeUnit.SECONDS).profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
    }

    @Test
    void a_client_certificate_that_does_not_match_the_fingerprint_is_refused() throws Exception {
        Result c = new Result();
        Result s = new Result();
        pair(DtlsCertificate.generate().fingerprint(), c, s, 0, SrtpProfile.AEAD_AES_128_GCM);
        assertThat(s.keys).failsWithin(10, TimeUnit.SECONDS);
        assertThat(s.failure.get()).contains("does not match the fingerprint");
        assertThat(c.keys).failsWithin(10, TimeUnit.SECONDS);
    }

    @Test
    void a_lost_first_flight_is_retransmitted_and_the_handshake_completes() throws Exception {
        Result c = new Result();
        Result s = new Result();
        pair(CLIENT_CERT.fingerprint(), c, s, 1, SrtpProfile.AES128_CM_HMAC_SHA1_80);
        assertThat(c.keys.get(10, TimeUnit.SECONDS).profile()).isEqualTo(SrtpProfile.AES128_CM_HMAC_SHA1_80);
        assertThat(s.keys.get(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void a_silent_peer_fails_the_handshake_within_its_limit() {
        Result c = new Result();
        DtlsConnection lonely = new DtlsConnection(DtlsRole.CLIENT, CLIENT_CERT, SERVER_CERT.fingerprint(), executor,
                (b, o, l) -> { }, c, 1500, SrtpProfile.AEAD_AES_128_GCM);
        long start = System.nanoTime();
        lonely.start();
        assertThat(c.keys).failsWithin(10, TimeUnit.SECONDS);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(8000);
    }

    @Test
    void fingerprints_round_trip_through_sdp_text() {
        Fingerprint f = SERVER_CERT.fingerprint();
        assertThat(Fingerprint.parse(f.toSdp())).isEqualTo(f);
        assertThat(f.toSdp()).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fingerprint.parse("sha-1 AB:CD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sha-1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fingerprint.parse("sha-256 zz"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
