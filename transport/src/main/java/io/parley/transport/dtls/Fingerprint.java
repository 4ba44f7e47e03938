package io.parley.transport.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate fingerprint as SDP carries it in {@code a=fingerprint} (RFC 8122 §5): a hash
 * function name and the hash of the certificate's DER encoding. Parley only speaks sha-256,
 * which every browser sends.
 *
 * @param algorithm the hash function name, lower case ("sha-256")
 * @param digest    the hash of the DER-encoded certificate
 */
public record Fingerprint(String algorithm, byte[] digest) {
    public static final String SHA_256 = "sha-256";
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    public Fingerprint {
        if (!SHA_256.equals(algorithm)) {
            throw new IllegalArgumentException("unsupported fingerprint hash '" + algorithm + "', only sha-256");
        }
        if (digest.length != 32) {
            throw new IllegalArgumentException("a sha-256 fingerprint has 32 bytes, not " + digest.length);
        }
        digest = digest.clone();
    }

    /** The sha-256 fingerprint of a DER-encoded certificate. */
    public static Fingerprint of(byte[] der) {
        try {
            return new Fingerprint(SHA_256, MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }

    /** Parses the value of {@code a=fingerprint}: "sha-256 AB:CD:...". */
    public static Fingerprint parse(String sdpValue) {
        String[] parts = sdpValue.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a fingerprint is '<hash> <hex:hex:...>', got '" + sdpValue + "'");
        }
        byte[] digest;
        try {
            digest = COLON_HEX.parseHex(parts[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fingerprint digest is not colon-separated hex: '" + parts[1] + "'", e);
        }
        return new Fingerprint(parts[0].toLowerCase(Locale.ROOT), digest);
    }

    /** True when {@code der} hashes to this fingerprint, compared in constant time. */
    public boolean matches(byte[] der) {
        return MessageDigest.isEqual(of(der).digest, digest);
    }

    /** The value for {@code a=fingerprint}. */
    public String toSdp() {
        return algorithm + " " + COLON_HEX.formatHex(digest);
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && f.algorithm.equals(algorithm) && Arrays.equals(f.digest, digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return toSdp();
    }
}
