package io.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.app.App;
import io.parley.testkit.Hex;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AppSignProofTest {
    static final String SIGN = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final App APP = new App(1234567890, SIGN, ZegoStyleTokens.SECRET, true, null);
    static final String NONCE = "9f".repeat(32);

    /** The proof as docs/auth.md tells an SDK to compute it, written out without production code. */
    static String sdkProof(String signHex, String userId, String roomId, String nonce) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Hex.parse(signHex), "HmacSHA256"));
        String text = "parley-appsign-v1\n1234567890\n" + userId + "\n" + roomId + "\n" + nonce;
        return Hex.of(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void acceptsTheProofAnSdkComputesFromTheDocs() throws Exception {
        String proof = sdkProof(SIGN, "user1", "room1", NONCE);

        assertThat(AppSignProof.compute(SIGN, 1234567890, "user1", "room1", NONCE)).isEqualTo(proof);
        assertThat(AppSignProof.verify(APP, "user1", "room1", NONCE, proof)).isTrue();
        assertThat(AppSignProof.verify(APP, "user1", "room1", NONCE, proof.toUpperCase())).isTrue();
    }

    @Test
    void refusesAProofMadeWithAnotherAppSign() throws Exception {
        String other = "ff" + SIGN.substring(2);

        assertThat(AppSignProof.verify(APP, "user1", "room1", NONCE, sdkProof(other, "user1", "room1", NONCE))).isFalse();
    }

    @Test
    void refusesAProofForAnotherUserRoomOrNonce() throws Exception {
        String proof = sdkProof(SIGN, "user1", "room1", NONCE);

        assertThat(AppSignProof.verify(APP, "user2", "room1", NONCE, proof)).isFalse();
        assertThat(AppSignProof.verify(APP, "user1", "room2", NONCE, proof)).isFalse();
        assertThat(AppSignProof.verify(APP, "user1", "room1", AppSignProof.newNonce(), proof)).isFalse();
    }

    @Test
    void refusesMalformedProofs() throws Exception {
        String proof = sdkProof(SIGN, "user1", "room1", NONCE);

        assertThat(AppSignProof.verify(APP, "user1", "room1", NONCE, proof.substring(2))).isFalse();
        assertThat(AppSignProof.verify(APP, "user1", "room1", NONCE, "zz" + proof.substring(2))).isFalse();
        assertThat(AppSignProof.verify(APP, "user1", "room1", NONCE, proof + "00")).isFalse();
        assertThat(AppSignProof.verify(APP, "user1", "room1", NONCE, "")).isFalse();
        assertThat(AppSignProof.verify(APP, "user1", "room1", NONCE, null)).isFalse();
    }

    @Test
    void refusesLineBreaksThatWouldMakeTheCanonicalStringAmbiguous() throws Exception {
        // "a\nb" + "c" and "a" + "b\nc" would sign the same text.
        String proof = sdkProof(SIGN, "a\nb", "c", NONCE);

        assertThat(AppSignProof.verify(APP, "a\nb", "c", NONCE, proof)).isFalse();
        assertThat(AppSignProof.verify(APP, "a", "b\nc", NONCE, proof)).isFalse();
    }

    @Test
    void refusesEveryProofWhenTheAppSwitchedAppSignLoginOff() throws Exception {
        App tokensOnly = new App(1234567890, SIGN, ZegoStyleTokens.SECRET, false, null);

        assertThat(AppSignProof.verify(tokensOnly, "user1", "room1", NONCE, sdkProof(SIGN, "user1", "room1", NONCE)))
                .isFalse();
    }

    @Test
    void noncesAre32RandomBytesInHex() {
        String a = AppSignProof.newNonce();

        assertThat(a).matches("[0-9a-f]{64}");
        assertThat(AppSignProof.newNonce()).isNotEqualTo(a);
    }
}
