package io.parley.server.auth;

import io.parley.server.app.App;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a client proves it holds the app's AppSign without sending it: an HMAC-SHA256, keyed with
 * the AppSign's 32 bytes, over a canonical string of the AppID, userID, roomID and a nonce the
 * server chose for this login ({@code docs/auth.md} defines it for the SDKs):
 *
 * <pre>
 * "parley-appsign-v1\n" + appId (decimal) + "\n" + userId + "\n" + roomId + "\n" + nonce
 * </pre>
 *
 * The proof is 64 lower-case hex characters; either case is accepted. A nonce is good for one
 * login: the caller must never hand the same nonce out twice.
 */
public final class AppSignProof {
    /** Names the construction so a proof for anything else never verifies here. */
    static final String DOMAIN = "parley-appsign-v1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private AppSignProof() {
    }

    /** A fresh nonce: 32 random bytes as 64 lower-case hex characters. */
    public static String newNonce() {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        return HEX.formatHex(nonce);
    }

    /** The proof a client holding {@code appSignHex} sends: lower-case hex of the HMAC. */
    public static String compute(String appSignHex, long appId, String userId, String roomId, String nonce) {
        return HEX.formatHex(mac(HEX.parseHex(appSignHex), canonical(appId, userId, roomId, nonce)));
    }

    /**
     * Whether {@code proofHex} is the proof for these values under {@code app}'s AppSign, compared
     * in constant time. False too when the app has AppSign login switched off, when the proof is
     * not 64 hex characters, or when a value holds a line break (the canonical string would be
     * ambiguous).
     */
    public static boolean verify(App app, String userId, String roomId, String nonce, String proofHex) {
        if (!app.allowAppSignLogin() || userId == null || roomId == null || nonce == null || proofHex == null) {
            return false;
        }
        if (hasLineBreak(userId) || hasLineBreak(roomId) || hasLineBreak(nonce)) {
            return false;
        }
        byte[] given = parseHex(proofHex);
        if (given == null) {
            return false;
        }
        byte[] expected = mac(app.appSignBytes(), canonical(app.appId(), userId, roomId, nonce));
        return MessageDigest.isEqual(expected, given);
    }

    static String canonical(long appId, String userId, String roomId, String nonce) {
        return DOMAIN + "\n" + appId + "\n" + userId + "\n" + roomId + "\n" + nonce;
    }

    private static byte[] mac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static byte[] parseHex(String hex) {
        if (hex.length() != 64) {
            return null;
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }
}
