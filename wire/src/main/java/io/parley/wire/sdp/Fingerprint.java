package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.Arrays;
import java.util.Locale;

/**
 * {@code a=fingerprint} of RFC 8122 §5: the hash function and the digest of the certificate
 * that the peer will present in DTLS, written as upper-case hex pairs separated by colons.
 */
public final class Fingerprint {
    private final String hashFunction;
    private final byte[] digest;

    /** @param hashFunction e.g. {@code sha-256}, as the RFC 8122 registry names it */
    public Fingerprint(String hashFunction, byte[] digest) {
        if (digest.length == 0) {
            throw new IllegalArgumentException("fingerprint: empty digest");
        }
        this.hashFunction = hashFunction;
        this.digest = digest.clone();
    }

    static Fingerprint parse(String value) throws WireFormatException {
        int space = value.indexOf(' ');
        if (space < 0) {
            throw new WireFormatException("fingerprint: need \"<hash function> <hex:hex:...>\"");
        }
        String hash = Tokens.token(value.substring(0, space), "fingerprint hash function");
        String hex = value.substring(space + 1);
        if (hex.length() % 3 != 2) {
            throw new WireFormatException("fingerprint: \"" + hex + "\" is not colon-separated hex pairs");
        }
        byte[] digest = new byte[(hex.length() + 1) / 3];
        for (int i = 0; i < digest.length; i++) {
            int hi = Character.digit(hex.charAt(3 * i), 16);
            int lo = Character.digit(hex.charAt(3 * i + 1), 16);
            boolean sep = 3 * i + 2 == hex.length() || hex.charAt(3 * i + 2) == ':';
            if (hi < 0 || lo < 0 || !sep || hex.charAt(3 * i) > 0x7F || hex.charAt(3 * i + 1) > 0x7F) {
                throw new WireFormatException("fingerprint: bad hex pair at " + (3 * i) + " in \"" + hex + "\"");
            }
            digest[i] = (byte) (hi << 4 | lo);
        }
        return new Fingerprint(hash.toLowerCase(Locale.ROOT), digest);
    }

    public String hashFunction() {
        return hashFunction;
    }

    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && f.hashFunction.equals(hashFunction) && Arrays.equals(f.digest, digest);
    }

    @Override
    public int hashCode() {
        return hashFunction.hashCode() * 31 + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(hashFunction).append(' ');
        for (int i = 0; i < digest.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Character.toUpperCase(Character.forDigit((digest[i] >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(digest[i] & 0xF, 16)));
        }
        return sb.toString();
    }
}
