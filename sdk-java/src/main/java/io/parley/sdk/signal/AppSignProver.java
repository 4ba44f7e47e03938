package io.parley.sdk.signal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client's half of docs/auth.md "AppSign proof": an HMAC-SHA256 keyed with the AppSign's 32
 * bytes over {@code "parley-appsign-v1\n" + appID + "\n" + userID + "\n" + roomID + "\n" + nonce},
 * in lower-case hex. The AppSign itself never leaves the process.
 */
public final class AppSignProver {
    private AppSignProver() {
    }

    /** The proof for a login of {@code userID} to {@code roomID} over the hello's {@code nonce}. */
    public static String prove(String appSignHex, long appID, String userID, String roomID, String nonce) {
        String text = String.join("\n", "parley-appsign-v1", Long.toString(appID), userID, roomID, nonce);
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(HexFormat.of().parseHex(appSignHex), "HmacSHA256"));
            return HexFormat.of().formatHex(hmac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
