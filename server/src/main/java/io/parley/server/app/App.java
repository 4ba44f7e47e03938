package io.parley.server.app;

import java.util.HexFormat;
import java.util.Objects;

/**
 * An app: the AppID its clients name, the two secrets that authenticate them and its limits.
 *
 * <p>The AppSign (32 bytes, 64 hex characters) lets a client prove itself with an HMAC; the
 * ServerSecret (32 characters, whose bytes are the AES-256 key of Token04 and the salt of the REST
 * signature) never leaves the app's own servers. {@link #toString()} hides both, so an app can be
 * logged.
 *
 * @param appId             a uint32 above zero
 * @param appSign           64 hex characters, kept lower-case
 * @param serverSecret      exactly 32 printable ASCII characters
 * @param allowAppSignLogin whether clients may log in with an AppSign proof instead of a token
 * @param limits            the app's limits; {@code null} means {@link AppLimits#DEFAULT}
 */
public record App(long appId, String appSign, String serverSecret, boolean allowAppSignLogin, AppLimits limits) {

    /** The largest AppID: ZEGO's AppIDs are uint32. */
    public static final long MAX_APP_ID = 0xFFFF_FFFFL;

    /** Validates every field; the message names the field and never echoes a secret. */
    public App {
        if (appId < 1 || appId > MAX_APP_ID) {
            throw new IllegalArgumentException("appID must be an unsigned 32-bit integer above 0, got " + appId);
        }
        Objects.requireNonNull(appSign, "appSign");
        Objects.requireNonNull(serverSecret, "serverSecret");
        if (appSign.length() != 64 || !isHex(appSign)) {
            throw new IllegalArgumentException("appSign of app " + appId
                    + " must be 64 hex characters (32 bytes), got " + appSign.length() + " characters"
                    + (isHex(appSign) ? "" : " including non-hex ones"));
        }
        appSign = appSign.toLowerCase(java.util.Locale.ROOT);
        if (serverSecret.length() != 32 || !isPrintableAscii(serverSecret)) {
            throw new IllegalArgumentException("serverSecret of app " + appId
                    + " must be exactly 32 printable ASCII characters (its bytes are the AES-256 key), got "
                    + serverSecret.length() + " characters"
                    + (isPrintableAscii(serverSecret) ? "" : " including others"));
        }
        if (limits == null) {
            limits = AppLimits.DEFAULT;
        }
    }

    /** The 32 bytes the AppSign's hex stands for: the HMAC key of the AppSign proof. */
    public byte[] appSignBytes() {
        return HexFormat.of().parseHex(appSign);
    }

    /** The 32 bytes of the ServerSecret's characters: the AES-256 key of Token04. */
    public byte[] serverSecretBytes() {
        return serverSecret.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Names the app and its settings, never its secrets. */
    @Override
    public String toString() {
        return "App[appId=" + appId + ", appSign=<hidden>, serverSecret=<hidden>, allowAppSignLogin="
                + allowAppSignLogin + ", limits=" + limits + "]";
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrintableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
