package io.parley.server.auth;

import io.parley.server.app.App;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * ZEGO's Token04, byte for byte, in both the AES-CBC and the AES-GCM variant (API.md and
 * {@code docs/auth.md}):
 *
 * <pre>
 * "04" + base64( expire int64 | ivLen uint16 | iv | ctLen uint16 | ciphertext [| mode uint8] )
 * </pre>
 *
 * The mode byte is 1 in the GCM variant (12-byte IV, tag after the ciphertext); the CBC variant
 * (16-byte IV, PKCS#7) has none, or 0, ZEGO's enum value for CBC.
 *
 * The key is the ServerSecret's 32 bytes. Verification refuses in API.md's order: version 1002079,
 * format 1002075, AppID 1002076, userID 1002077, expiry 1002078. It does not log: the caller knows
 * the session and logs the refusal once.
 */
public final class Token04 {

    /** The cipher a token is sealed with. */
    public enum Mode {
        /** AES-256-GCM, 12-byte IV, 16-byte tag, trailing mode byte 1: tampering is detected. */
        GCM,
        /** AES-256-CBC with PKCS#7, 16-byte IV: ZEGO's older variant, with no integrity of its own. */
        CBC
    }

    static final String VERSION = "04";
    private static final int CBC_IV = 16;
    private static final int GCM_IV = 12;
    private static final int GCM_TAG_BITS = 128;
    private static final byte MODE_CBC = 0;
    private static final byte MODE_GCM = 1;
    /** The layout's largest: 8 + 2 + 16 + 2 + 65535 + 1 bytes, as base64, plus the version. */
    private static final int MAX_TOKEN_CHARS = VERSION.length() + 4 * ((8 + 2 + CBC_IV + 2 + 0xFFFF + 1 + 2) / 3);
    /** Clock skew allowed between the minting server and this one, as for the REST API. */
    static final long MAX_CLOCK_SKEW_SECONDS = 600;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Token04() {
    }

    /**
     * The claims of {@code token} once it is shown to be sealed with {@code app}'s ServerSecret,
     * for {@code app} and {@code userId}, and unexpired at {@code nowSeconds}. Privileges are left
     * to {@link TokenPrivileges}.
     */
    public static TokenClaims verify(String token, App app, String userId, long nowSeconds) throws AuthException {
        Objects.requireNonNull(app, "app");
        Sealed sealed = unwrap(token);
        byte[] plain = sealed.open(app.serverSecretBytes());
        TokenClaims claims = TokenJson.parseClaims(plain, sealed.expire());
        if (claims.appId() != app.appId()) {
            throw new AuthException(AuthException.TOKEN_APP_ID,
                    "the token is for AppID " + claims.appId() + ", not " + app.appId());
        }
        if (!claims.userId().equals(userId)) {
            throw new AuthException(AuthException.TOKEN_USER_ID, "the token is for another userID");
        }
        if (nowSeconds >= claims.expireAt()) {
            throw new AuthException(AuthException.TOKEN_EXPIRED,
                    "the token expired " + (nowSeconds - claims.expireAt()) + " s ago");
        }
        if (claims.createdAt() > nowSeconds + MAX_CLOCK_SKEW_SECONDS) {
            throw new AuthException(AuthException.TOKEN_EXPIRED, "the token is not valid yet: created "
                    + (claims.createdAt() - nowSeconds) + " s in the future (clock skew?)");
        }
        return claims;
    }

    /**
     * A token for {@code userId} of {@code app} granting {@code payload} ({@code null}: an empty
     * payload, ZEGO's basic token), valid for {@code ttlSeconds} from {@code nowSeconds}.
     */
    public static String mint(App app, String userId, TokenPayload payload, long ttlSeconds, Mode mode, long nowSeconds) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(mode, "mode");
        if (userId == null || userId.isEmpty()) {
            throw new IllegalArgumentException("userId must not be empty");
        }
        if (ttlSeconds < 1 || nowSeconds > Long.MAX_VALUE - ttlSeconds) {
            throw new IllegalArgumentException("ttlSeconds must be at least 1, got " + ttlSeconds);
        }
        long expire = nowSeconds + ttlSeconds;
        TokenClaims claims = new TokenClaims(app.appId(), userId, RANDOM.nextInt(), nowSeconds, expire,
                payload == null ? TokenPayload.UNRESTRICTED : payload);
        byte[] plain = TokenJson.writeClaims(claims, payload == null);
        byte[] iv = new byte[mode == Mode.GCM ? GCM_IV : CBC_IV];
        RANDOM.nextBytes(iv);
        byte[] cipherText;
        try {
            cipherText = crypt(Cipher.ENCRYPT_MODE, mode, app.serverSecretBytes(), iv, plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 " + mode + " is missing from this JVM", e);
        }
        if (cipherText.length > 0xFFFF) {
            throw new IllegalArgumentException("the payload is too large for a token (" + plain.length + " bytes)");
        }
        ByteBuffer out = ByteBuffer.allocate(8 + 2 + iv.length + 2 + cipherText.length + (mode == Mode.GCM ? 1 : 0));
        out.putLong(expire).putShort((short) iv.length).put(iv).putShort((short) cipherText.length).put(cipherText);
        if (mode == Mode.GCM) {
            out.put(MODE_GCM);
        }
        return VERSION + Base64.getEncoder().encodeToString(out.array());
    }

    private static Sealed unwrap(String token) throws AuthException {
        if (token == null || token.isEmpty()) {
            throw format("the token is empty");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw format("the token is longer than any Token04 can be (" + token.length() + " characters)");
        }
        if (!token.startsWith(VERSION)) {
            throw new AuthException(AuthException.TOKEN_VERSION, "not a version 04 token");
        }
        String base64 = token.substring(VERSION.length());
        if (base64.length() % 4 != 0) {
            throw format("the token is not padded base64 (truncated?)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw format("the token is not base64");
        }
        ByteBuffer in = ByteBuffer.wrap(raw);
        if (in.remaining() < 8 + 2) {
            throw format("the token is truncated");
        }
        long expire = in.getLong();
        int ivLen = Short.toUnsignedInt(in.getShort());
        if (ivLen != CBC_IV && ivLen != GCM_IV) {
            throw format("the token's IV length " + ivLen + " is neither 16 (CBC) nor 12 (GCM)");
        }
        if (in.remaining() < ivLen + 2) {
            throw format("the token is truncated");
        }
        byte[] iv = new byte[ivLen];
        in.get(iv);
        int ctLen = Short.toUnsignedInt(in.getShort());
        if (in.remaining() < ctLen) {
            throw format("the token is truncated");
        }
        byte[] cipherText = new byte[ctLen];
        in.get(cipherText);
        byte modeByte = in.hasRemaining() ? in.get() : MODE_CBC;
        Mode mode = mode(modeByte, in.remaining());
        if (ivLen != (mode == Mode.GCM ? GCM_IV : CBC_IV)) {
            throw format("the token's IV length " + ivLen + " does not fit its mode " + mode);
        }
        return new Sealed(expire, mode, iv, cipherText);
    }

    /** ZEGO's AesEncryptMode byte: absent or 0 is CBC, 1 is GCM; nothing may follow it. */
    private static Mode mode(byte value, int bytesAfter) throws AuthException {
        if (bytesAfter != 0) {
            throw format("the token has " + (bytesAfter + 1) + " bytes after its ciphertext; at most 1 (mode) expected");
        }
        if (value == MODE_GCM) {
            return Mode.GCM;
        }
        if (value == MODE_CBC) {
            return Mode.CBC;
        }
        throw format("the token's mode byte is " + value + ", neither 0 (CBC) nor 1 (GCM)");
    }

    private static byte[] crypt(int direction, Mode mode, byte[] key, byte[] iv, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(mode == Mode.GCM ? "AES/GCM/NoPadding" : "AES/CBC/PKCS5Padding");
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        if (mode == Mode.GCM) {
            cipher.init(direction, spec, new GCMParameterSpec(GCM_TAG_BITS, iv));
        } else {
            cipher.init(direction, spec, new IvParameterSpec(iv));
        }
        return cipher.doFinal(input);
    }

    private static AuthException format(String message) {
        return new AuthException(AuthException.TOKEN_FORMAT, message);
    }

    /** A token's fields before decryption. */
    private record Sealed(long expire, Mode mode, byte[] iv, byte[] cipherText) {

        byte[] open(byte[] key) throws AuthException {
            if (mode == Mode.CBC && (cipherText.length == 0 || cipherText.length % 16 != 0)) {
                throw format("the token's CBC ciphertext is not a whole number of blocks");
            }
            if (mode == Mode.GCM && cipherText.length < GCM_TAG_BITS / 8) {
                throw format("the token's GCM ciphertext is shorter than its tag");
            }
            try {
                return crypt(Cipher.DECRYPT_MODE, mode, key, iv, cipherText);
            } catch (GeneralSecurityException e) {
                // A wrong ServerSecret and a tampered token look the same here, by design of the format.
                throw format("the token does not decrypt with this app's ServerSecret ("
                        + mode + "): wrong secret or tampered token");
            }
        }
    }
}
