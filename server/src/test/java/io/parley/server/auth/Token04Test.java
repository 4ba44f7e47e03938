package io.parley.server.auth;

import static io.parley.server.auth.ZegoStyleTokens.cbcBinary;
import static io.parley.server.auth.ZegoStyleTokens.gcmBinary;
import static io.parley.server.auth.ZegoStyleTokens.goOrderJson;
import static io.parley.server.auth.ZegoStyleTokens.nodeOrderJson;
import static io.parley.server.auth.ZegoStyleTokens.quote;
import static io.parley.server.auth.ZegoStyleTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.server.app.App;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class Token04Test {
    static final long APP_ID = 1234567890L;
    static final App APP = new App(APP_ID, "ab".repeat(32), ZegoStyleTokens.SECRET, true, null);
    static final long NOW = 1_795_000_000L;
    static final long EXPIRE = NOW + 3600;
    static final String ROOM_PAYLOAD =
            "{\"room_id\":\"room1\",\"privilege\":{\"1\":1,\"2\":0},\"stream_id_list\":[\"s1\",\"s2\"]}";

    static String gcmToken(String json) {
        return token(gcmBinary(EXPIRE, json));
    }

    static String basicJson() {
        return goOrderJson(APP_ID, "user1", NOW, EXPIRE, 12345, "");
    }

    static void assertRefused(String token, int code) {
        assertThatThrownBy(() -> Token04.verify(token, APP, "user1", NOW))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void acceptsAGcmTokenMintedFromTheLayoutWithGoKeyOrder() throws AuthException {
        TokenClaims claims = Token04.verify(gcmToken(basicJson()), APP, "user1", NOW);

        assertThat(claims).isEqualTo(new TokenClaims(APP_ID, "user1", 12345, NOW, EXPIRE, TokenPayload.UNRESTRICTED));
    }

    @Test
    void acceptsACbcTokenWithNodeKeyOrderANegativeNonceAndARoomPayload() throws AuthException {
        String json = nodeOrderJson(APP_ID, "user1", NOW, EXPIRE, -7, ROOM_PAYLOAD);

        TokenClaims claims = Token04.verify(token(cbcBinary(EXPIRE, json)), APP, "user1", NOW);

        assertThat(claims.nonce()).isEqualTo(-7);
        assertThat(claims.payload()).isEqualTo(new TokenPayload("room1", true, false, List.of("s1", "s2")));
    }

    @Test
    void acceptsACbcTokenThatCarriesZegosModeByteZero() throws AuthException {
        byte[] plain = cbcBinary(EXPIRE, basicJson());
        byte[] withMode = Arrays.copyOf(plain, plain.length + 1);

        assertThat(Token04.verify(token(withMode), APP, "user1", NOW).userId()).isEqualTo("user1");
    }

    @Test
    void readsANullStreamListAndMissingPrivilegesAsNotGranted() throws AuthException {
        String payload = "{\"room_id\":\"\",\"privilege\":{\"1\":1},\"stream_id_list\":null}";
        TokenClaims claims = Token04.verify(gcmToken(goOrderJson(APP_ID, "user1", NOW, EXPIRE, 1, payload)),
                APP, "user1", NOW);

        assertThat(claims.payload()).isEqualTo(new TokenPayload("", true, false, List.of()));
    }

    @Test
    void mintedGcmTokensFollowTheLayoutAndVerify() throws AuthException {
        TokenPayload payload = new TokenPayload("room1", true, true, List.of("s1"));
        String token = Token04.mint(APP, "user1", payload, 600, Token04.Mode.GCM, NOW);

        ByteBuffer raw = ByteBuffer.wrap(Base64.getDecoder().decode(token.substring(2)));
        assertThat(token).startsWith("04");
        assertThat(raw.getLong()).isEqualTo(NOW + 600);           // expire
        assertThat(raw.getShort()).isEqualTo((short) 12);         // ivLen
        raw.position(raw.position() + 12);
        int ctLen = raw.getShort() & 0xFFFF;                       // ctLen
        raw.position(raw.position() + ctLen);
        assertThat(raw.remaining()).isEqualTo(1);
        assertThat(raw.get()).isEqualTo((byte) 1);                 // mode GCM
        TokenClaims claims = Token04.verify(token, APP, "user1", NOW + 599);
        assertThat(claims.payload()).isEqualTo(payload);
        assertThat(claims.createdAt()).isEqualTo(NOW);
        assertThat(claims.expireAt()).isEqualTo(NOW + 600);
    }

    @Test
    void mintedCbcTokensHaveA16ByteIvNoModeByteAndVerify() throws AuthException {
        String token = Token04.mint(APP, "user1", null, 600, Token04.Mode.CBC, NOW);

        ByteBuffer raw = ByteBuffer.wrap(Base64.getDecoder().decode(token.substring(2)));
        raw.getLong();
        assertThat(raw.getShort()).isEqualTo((short) 16);
        raw.position(raw.position() + 16);
        int ctLen = raw.getShort() & 0xFFFF;
        assertThat(ctLen % 16).isZero();
        assertThat(raw.remaining()).isEqualTo(ctLen);
        assertThat(Token04.verify(token, APP, "user1", NOW).payload()).isEqualTo(TokenPayload.UNRESTRICTED);
    }

    @Test
    void twoMintsDifferInIvAndNonce() {
        String a = Token04.mint(APP, "user1", null, 600, Token04.Mode.GCM, NOW);
        String b = Token04.mint(APP, "user1", null, 600, Token04.Mode.GCM, NOW);

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void refusesAnotherAppIdWith1002076() {
        assertRefused(gcmToken(goOrderJson(APP_ID + 1, "user1", NOW, EXPIRE, 1, "")), 1002076);
    }

    @Test
    void refusesAnotherUserIdWith1002077() {
        assertRefused(gcmToken(goOrderJson(APP_ID, "user2", NOW, EXPIRE, 1, "")), 1002077);
    }

    @Test
    void appIdIsCheckedBeforeUserIdAndUserIdBeforeExpiry() {
        assertRefused(token(gcmBinary(NOW - 5, goOrderJson(APP_ID + 1, "user2", NOW - 10, NOW - 5, 1, ""))), 1002076);
        String wrongUserExpired = token(gcmBinary(NOW - 5, goOrderJson(APP_ID, "user2", NOW - 10, NOW - 5, 1, "")));
        assertRefused(wrongUserExpired, 1002077);
    }

    @Test
    void expiresAtTheExpireSecondWith1002078() throws AuthException {
        String token = gcmToken(basicJson());

        assertThat(Token04.verify(token, APP, "user1", EXPIRE - 1).userId()).isEqualTo("user1");
        assertThatThrownBy(() -> Token04.verify(token, APP, "user1", EXPIRE))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(1002078));
    }

    @Test
    void refusesATokenCreatedMoreThanTheSkewInTheFuture() throws AuthException {
        long ctime = NOW + Token04.MAX_CLOCK_SKEW_SECONDS;
        String withinSkew = token(gcmBinary(ctime + 60, goOrderJson(APP_ID, "user1", ctime, ctime + 60, 1, "")));
        String beyond = token(gcmBinary(ctime + 61, goOrderJson(APP_ID, "user1", ctime + 1, ctime + 61, 1, "")));

        assertThat(Token04.verify(withinSkew, APP, "user1", NOW).createdAt()).isEqualTo(ctime);
        assertRefused(beyond, 1002078);
    }

    @Test
    void refusesATokenSealedWithAnotherSecretWith1002075() {
        byte[] sealed = ZegoStyleTokens.gcm("vutsrqponmlkjihgfedcba9876543210", ZegoStyleTokens.IV_GCM, basicJson());

        assertRefused(token(ZegoStyleTokens.layout(EXPIRE, ZegoStyleTokens.IV_GCM, sealed, new byte[] {1})), 1002075);
    }

    @Test
    void refusesAnotherVersionWith1002079() {
        String good = gcmToken(basicJson());

        assertRefused("03" + good.substring(2), 1002079);
        assertRefused("x", 1002079);
        assertRefused(good.substring(2), 1002079);
    }

    @Test
    void refusesEmptyNullNonBase64AndHugeTokensWith1002075() {
        assertRefused("", 1002075);
        assertRefused(null, 1002075);
        assertRefused("04", 1002075);
        assertRefused("04!!!!", 1002075);
        assertRefused("04" + "A".repeat(1_000_000), 1002075);
        assertRefused(gcmToken(basicJson()) + " ", 1002075);
    }

    @Test
    void refusesEveryTruncationOfTheBinaryWith1002075() {
        byte[] binary = gcmBinary(EXPIRE, basicJson());
        for (int length = 0; length < binary.length; length++) {
            assertRefused(token(Arrays.copyOf(binary, length)), 1002075);
        }
    }

    @Test
    void refusesEveryTruncationOfTheText() {
        String good = gcmToken(basicJson());
        for (int length = 0; length < good.length(); length++) {
            String cut = good.substring(0, length);
            assertThatThrownBy(() -> Token04.verify(cut, APP, "user1", NOW))
                    .isInstanceOfSatisfying(AuthException.class,
                            e -> assertThat(e.code()).isIn(1002075, 1002079));
        }
    }

    @Test
    void refusesEverySingleBitFlipOfAGcmTokenWith1002075() {
        byte[] binary = gcmBinary(EXPIRE, basicJson());
        for (int bit = 0; bit < binary.length * 8; bit++) {
            byte[] flipped = binary.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertRefused(token(flipped), 1002075);
        }
    }

    @Test
    void refusesEverySingleBitFlipOfACbcToken() {
        // CBC has no integrity of its own: a flipped IV bit flips the same plaintext bit. The
        // claims start with app_id, so such flips break the JSON or change app_id; none may pass.
        byte[] binary = cbcBinary(EXPIRE, basicJson());
        for (int bit = 0; bit < binary.length * 8; bit++) {
            byte[] flipped = binary.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            String token = token(flipped);
            assertThatThrownBy(() -> Token04.verify(token, APP, "user1", NOW))
                    .as("bit %d", bit)
                    .isInstanceOfSatisfying(AuthException.class,
                            e -> assertThat(e.code()).isIn(1002075, 1002076, 1002077, 1002078));
        }
    }

    @Test
    void refusesLayoutErrorsWith1002075() {
        String json = basicJson();
        byte[] sealed = ZegoStyleTokens.gcm(ZegoStyleTokens.SECRET, ZegoStyleTokens.IV_GCM, json);
        byte[] iv = ZegoStyleTokens.IV_GCM;
        assertRefused(token(ZegoStyleTokens.layout(EXPIRE, iv, sealed, new byte[] {1, 0})), 1002075);  // extra byte
        assertRefused(token(ZegoStyleTokens.layout(EXPIRE, iv, sealed, new byte[] {2})), 1002075);     // unknown mode
        assertRefused(token(ZegoStyleTokens.layout(EXPIRE, iv, sealed, new byte[] {0})), 1002075);     // 12-byte IV as CBC
        assertRefused(token(ZegoStyleTokens.layout(EXPIRE, iv, sealed, new byte[0])), 1002075);        // GCM without mode
        assertRefused(token(ZegoStyleTokens.layout(EXPIRE + 1, iv, sealed, new byte[] {1})), 1002075); // header expire differs
        assertRefused(token(ZegoStyleTokens.layout(EXPIRE, new byte[8], new byte[16], new byte[0])), 1002075);
        assertRefused(token(ZegoStyleTokens.layout(EXPIRE, iv, new byte[5], new byte[] {1})), 1002075); // shorter than tag
        assertRefused(token(ZegoStyleTokens.layout(EXPIRE, new byte[16], new byte[0], new byte[0])), 1002075);
    }

    @Test
    void refusesMalformedClaimsWith1002075() {
        List<String> bad = List.of(
                "[]",
                "{}",
                "not json",
                "{\"app_id\":\"" + APP_ID + "\",\"user_id\":\"user1\",\"expire\":" + EXPIRE + "}",
                "{\"app_id\":" + APP_ID + ",\"user_id\":7,\"expire\":" + EXPIRE + "}",
                "{\"app_id\":" + APP_ID + ",\"user_id\":\"user1\"}",
                "{\"app_id\":" + APP_ID + ",\"user_id\":\"user1\",\"expire\":" + EXPIRE + ",\"payload\":{}}",
                "{\"app_id\":-1,\"user_id\":\"user1\",\"expire\":" + EXPIRE + "}",
                "{\"app_id\":4294967296,\"user_id\":\"user1\",\"expire\":" + EXPIRE + "}",
                "{\"app_id\":1.5,\"user_id\":\"user1\",\"expire\":" + EXPIRE + "}",
                "{\"app_id\":" + APP_ID + ",\"app_id\":" + APP_ID + ",\"user_id\":\"user1\",\"expire\":" + EXPIRE + "}",
                "{\"app_id\":" + APP_ID + ",\"user_id\":\"user1\",\"expire\":" + EXPIRE + ",\"nonce\":\"x\"}");
        for (String json : bad) {
            assertRefused(gcmToken(json), 1002075);
        }
    }

    @Test
    void refusesMalformedPayloadsWith1002075() {
        List<String> bad = List.of(
                "x",
                "[]",
                "{\"room_id\":5}",
                "{\"privilege\":[1,1]}",
                "{\"privilege\":{\"1\":\"1\"}}",
                "{\"stream_id_list\":\"s1\"}",
                "{\"stream_id_list\":[1]}",
                "[".repeat(5000));
        for (String payload : bad) {
            assertRefused(gcmToken(goOrderJson(APP_ID, "user1", NOW, EXPIRE, 1, payload)), 1002075);
        }
    }

    @Test
    void readsAPayloadWithoutRoomOrListAsAnyRoomAndAnyStream() throws AuthException {
        String payload = "{\"privilege\":{\"1\":1,\"2\":1},\"extra\":" + quote("ignored") + "}";

        TokenClaims claims = Token04.verify(gcmToken(goOrderJson(APP_ID, "user1", NOW, EXPIRE, 1, payload)),
                APP, "user1", NOW);

        assertThat(claims.payload()).isEqualTo(TokenPayload.UNRESTRICTED);
    }

    @Test
    void mintRefusesNonsense() {
        assertThatThrownBy(() -> Token04.mint(APP, "", null, 60, Token04.Mode.GCM, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Token04.mint(APP, "u", null, 0, Token04.Mode.GCM, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
