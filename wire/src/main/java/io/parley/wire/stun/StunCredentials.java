package io.parley.wire.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * MESSAGE-INTEGRITY keys for the two credential mechanisms of RFC 8489 §9: short-term (§9.1.1,
 * the password itself, as ICE uses it) and long-term (§9.2.2, MD5 of
 * {@code username ":" realm ":" password}). The strings must already be prepared (SASLprep or
 * OpaqueString, RFC 8265) by the caller; this class only encodes them as UTF-8.
 */
public final class StunCredentials {
    private StunCredentials() {
    }

    /** The short-term key: the UTF-8 bytes of the password (an ICE ufrag's password). */
    public static byte[] shortTermKey(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /** The long-term key: {@code MD5(username ":" realm ":" password)}, 16 bytes. */
    public static byte[] longTermKey(String username, String realm, String password) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return md5.digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JDK", e);
        }
    }
}
