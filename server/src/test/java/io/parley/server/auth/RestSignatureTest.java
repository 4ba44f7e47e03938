package io.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.server.app.App;
import io.parley.testkit.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class RestSignatureTest {
    static final App APP = new App(1234567890, "ab".repeat(32), ZegoStyleTokens.SECRET, true, null);
    static final long NOW = 1_795_000_000L;
    static final String NONCE = "15215528852396aa";

    /** ZEGO's documented recipe, computed here without production code. */
    static String zegoSignature(long timestamp) throws Exception {
        String text = "1234567890" + NONCE + ZegoStyleTokens.SECRET + timestamp;
        return Hex.of(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void acceptsZegosSignatureInEitherCase() throws Exception {
        String signature = zegoSignature(NOW);

        assertThat(RestSignature.sign(APP, NONCE, NOW)).isEqualTo(signature);
        assertThatCode(() -> RestSignature.verify(APP, NONCE, NOW, signature, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> RestSignature.verify(APP, NONCE, NOW, signature.toUpperCase(), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsTimestampsUpToTenMinutesEitherWayAndNoFurther() throws Exception {
        for (long offset : new long[] {-600, 600}) {
            long ts = NOW + offset;
            String signature = zegoSignature(ts);
            assertThatCode(() -> RestSignature.verify(APP, NONCE, ts, signature, NOW)).doesNotThrowAnyException();
        }
        for (long offset : new long[] {-601, 601, Long.MIN_VALUE / 2}) {
            long ts = NOW + offset;
            String signature = zegoSignature(ts);
            assertCode(() -> RestSignature.verify(APP, NONCE, ts, signature, NOW), 100000004);
        }
    }

    @Test
    void refusesAWrongOrMalformedSignature() throws Exception {
        String signature = zegoSignature(NOW);

        assertCode(() -> RestSignature.verify(APP, NONCE + "0", NOW, signature, NOW), 100000005);
        assertCode(() -> RestSignature.verify(APP, NONCE, NOW, zegoSignature(NOW + 1), NOW), 100000005);
        assertCode(() -> RestSignature.verify(APP, NONCE, NOW, signature.substring(1), NOW), 100000005);
        assertCode(() -> RestSignature.verify(APP, NONCE, NOW, "zz" + signature.substring(2), NOW), 100000005);
        assertCode(() -> RestSignature.verify(APP, NONCE, NOW, null, NOW), 100000005);
    }

    @Test
    void messagesNeverHoldTheSecret() throws Exception {
        assertThatThrownBy(() -> RestSignature.verify(APP, NONCE, NOW, "00".repeat(16), NOW))
                .hasMessageNotContaining(ZegoStyleTokens.SECRET);
    }
}
