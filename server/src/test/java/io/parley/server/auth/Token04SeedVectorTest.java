package io.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fuzz seeds double as vectors from a third implementation: they were minted with Python's
 * {@code cryptography} package from API.md's layout, with the claims' keys in yet another order.
 * This proves that the fuzz test's seeds reach past decryption.
 */
class Token04SeedVectorTest {

    private static String seed(String name) throws IOException {
        try (InputStream in = Token04SeedVectorTest.class.getResourceAsStream("Token04FuzzTestInputs/verify/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void gcmSeedsVerify() throws Exception {
        TokenClaims basic = Token04.verify(seed("gcm_basic"), Token04Test.APP, "user1", Token04Test.NOW);
        TokenClaims room = Token04.verify(seed("gcm_room_payload"), Token04Test.APP, "user1", Token04Test.NOW);

        assertThat(basic.payload()).isEqualTo(TokenPayload.UNRESTRICTED);
        assertThat(basic.nonce()).isEqualTo(99);
        assertThat(room.payload()).isEqualTo(new TokenPayload("room1", true, true, List.of("s1")));
    }

    @Test
    void cbcSeedVerifies() throws Exception {
        TokenClaims room = Token04.verify(seed("cbc_room_payload"), Token04Test.APP, "user1", Token04Test.NOW);

        assertThat(room.payload().streamIds()).containsExactly("s1");
    }

    @Test
    void refusedSeedsGiveTheirCodes() throws Exception {
        for (var expected : List.of(List.of("gcm_other_user", 1002077), List.of("version_03", 1002079),
                List.of("not_base64", 1002075))) {
            String token = seed((String) expected.get(0));
            assertThatThrownBy(() -> Token04.verify(token, Token04Test.APP, "user1", Token04Test.NOW))
                    .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(expected.get(1)));
        }
    }
}
