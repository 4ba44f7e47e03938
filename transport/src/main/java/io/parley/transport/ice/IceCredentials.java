package io.parley.transport.ice;

import java.security.SecureRandom;

/**
 * An ICE username fragment and password (RFC 8445 §5.3): ufrag at least 24 bits of randomness,
 * password at least 128, both written in ice-chars (RFC 8839 §5.4) so that SDP carries them as is.
 *
 * @param ufrag the a=ice-ufrag value
 * @param pwd   the a=ice-pwd value, the key of MESSAGE-INTEGRITY for checks sent to its owner
 */
public record IceCredentials(String ufrag, String pwd) {
    private static final char[] ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public IceCredentials {
        check("ufrag", ufrag, 4, 256);
        check("pwd", pwd, 22, 256);
    }

    /** Fresh random credentials: 8 ice-chars (48 bits) of ufrag, 24 (144 bits) of password. */
    public static IceCredentials generate() {
        return new IceCredentials(random(8), random(24));
    }

    private static String random(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = ICE_CHARS[RANDOM.nextInt(ICE_CHARS.length)];
        }
        return new String(c);
    }

    private static void check(String what, String value, int min, int max) {
        if (value == null || value.length() < min || value.length() > max) {
            throw new IllegalArgumentException("ICE " + what + " must have " + min + " to " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            boolean ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '+' || ch == '/';
            if (!ok) {
                throw new IllegalArgumentException("ICE " + what + " has a character outside ice-char: '" + ch + "'");
            }
        }
    }
}
