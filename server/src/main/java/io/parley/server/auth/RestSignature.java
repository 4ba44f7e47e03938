package io.parley.server.auth;

import io.parley.server.app.App;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The signature of ZEGO's server API v2: {@code Signature = hex(md5(AppId + SignatureNonce +
 * ServerSecret + Timestamp))}, the numbers in decimal, the Timestamp within ±10 minutes of now.
 * Codes are ZEGO's common return codes of the server API.
 */
public final class RestSignature {
    /** ZEGO: "Signature expired" (the Timestamp is outside the window). */
    public static final int SIGNATURE_EXPIRED = 100000004;
    /** ZEGO: "Signature error". */
    public static final int SIGNATURE_ERROR = 100000005;
    /** How far a request's Timestamp may be from the server's clock, either way. */
    public static final long WINDOW_SECONDS = 600;

    private RestSignature() {
    }

    /** Refuses a Timestamp outside the window (100000004) or a Signature that does not match (100000005). */
    public static void verify(App app, String signatureNonce, long timestamp, String signature, long nowSeconds)
            throws AuthException {
        if (Math.abs((double) nowSeconds - timestamp) > WINDOW_SECONDS) {
            throw new AuthException(SIGNATURE_EXPIRED, "Timestamp " + timestamp + " is more than "
                    + WINDOW_SECONDS + " s from the server's clock (" + nowSeconds + ")");
        }
        byte[] given = signature == null || signature.length() != 32 ? null : parseHex(signature);
        byte[] expected = md5(app.appId() + signatureNonce + app.serverSecret() + timestamp);
        if (given == null || !MessageDigest.isEqual(expected, given)) {
            throw new AuthException(SIGNATURE_ERROR, "Signature does not match md5(AppId + SignatureNonce"
                    + " + ServerSecret + Timestamp)");
        }
    }

    /** The signature a caller sends: lower-case hex of the md5. */
    public static String sign(App app, String signatureNonce, long timestamp) {
        return HexFormat.of().formatHex(md5(app.appId() + signatureNonce + app.serverSecret() + timestamp));
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    private static byte[] parseHex(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
