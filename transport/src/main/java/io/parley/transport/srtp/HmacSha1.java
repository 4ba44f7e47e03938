package io.parley.transport.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104), SRTP's default message authentication (RFC 3711 §4.2.1), over one reused
 * SHA-1 digest and reused arrays: computing a tag allocates nothing, where {@code Mac.doFinal}
 * returns a new array every time. The JDK's SHA-1 runs on the CPU's SHA extensions where present.
 * Not thread-safe.
 */
final class HmacSha1 {
    private static final int BLOCK = 64;
    /** Bytes of a SHA-1 digest. */
    static final int LENGTH = 20;

    private final MessageDigest sha1;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] inner = new byte[LENGTH];

    HmacSha1(byte[] key) {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-1", e);
        }
        byte[] k = key.length > BLOCK ? sha1.digest(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
    }

    /** Starts a tag: the inner hash over K XOR ipad. */
    void start() {
        sha1.reset();
        sha1.update(innerPad, 0, BLOCK);
    }

    void update(byte[] data, int off, int len) {
        sha1.update(data, off, len);
    }

    /** Ends the tag and writes its first {@code len} bytes (at most 20) to {@code out[off..]}. */
    void finish(byte[] out, int off, int len) {
        try {
            sha1.digest(inner, 0, LENGTH);
            sha1.update(outerPad, 0, BLOCK);
            sha1.update(inner, 0, LENGTH);
            sha1.digest(inner, 0, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-1 digest buffer", e);
        }
        System.arraycopy(inner, 0, out, off, len);
    }
}
