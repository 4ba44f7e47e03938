package io.parley.wire.stun;

import java.security.GeneralSecurityException;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESSAGE-INTEGRITY (RFC 8489 §14.5) and FINGERPRINT (§14.7) computations. Both cover the
 * message from its header up to the attribute itself, with the header's length field counting
 * up to and including that attribute, as if it were the last one. The buffer is never modified:
 * the adjusted length is fed to the digest in place of the two bytes in the buffer.
 */
final class StunIntegrity {
    /** RFC 8489 §14.7: the CRC-32 is XORed with the ASCII "STUN" so it cannot collide with other protocols' CRCs. */
    static final long FINGERPRINT_XOR = 0x5354554EL;
    private static final int HEADER = StunMessage.HEADER_LENGTH;
    private static final int ATTRIBUTE_HEADER = 4;

    private StunIntegrity() {
    }

    /**
     * Writes the HMAC-SHA1 of the message at {@code messageOffset}, up to the MESSAGE-INTEGRITY
     * attribute header at {@code attributeOffset}, into {@code out} at {@code outOffset} (20 bytes).
     *
     * @throws IllegalArgumentException when {@code key} is empty (no STUN credential is)
     */
    static void hmacSha1(byte[] key, byte[] b, int messageOffset, int attributeOffset, byte[] out, int outOffset) {
        if (key.length == 0) {
            throw new IllegalArgumentException("STUN: empty MESSAGE-INTEGRITY key");
        }
        int adjustedLength = attributeOffset - messageOffset - HEADER + ATTRIBUTE_HEADER
                + StunAttribute.INTEGRITY_LENGTH;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            mac.update(b, messageOffset, 2);
            mac.update((byte) (adjustedLength >>> 8));
            mac.update((byte) adjustedLength);
            mac.update(b, messageOffset + 4, attributeOffset - messageOffset - 4);
            mac.doFinal(out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every JDK", e);
        }
    }

    /** Compares the received HMAC with the one computed under {@code key}, in constant time. */
    static boolean checkHmacSha1(byte[] key, byte[] b, int messageOffset, int attributeOffset) {
        if (key == null || key.length == 0) {
            return false;
        }
        byte[] expected = new byte[StunAttribute.INTEGRITY_LENGTH];
        hmacSha1(key, b, messageOffset, attributeOffset, expected, 0);
        int diff = 0;
        int value = attributeOffset + ATTRIBUTE_HEADER;
        for (int i = 0; i < expected.length; i++) {
            diff |= expected[i] ^ b[value + i];
        }
        return diff == 0;
    }

    /** The FINGERPRINT value of the message at {@code messageOffset} whose FINGERPRINT header is at {@code attributeOffset}. */
    static long fingerprint(byte[] b, int messageOffset, int attributeOffset) {
        int adjustedLength = attributeOffset - messageOffset - HEADER + ATTRIBUTE_HEADER + 4;
        CRC32 crc = new CRC32();
        crc.update(b, messageOffset, 2);
        crc.update(adjustedLength >>> 8);
        crc.update(adjustedLength);
        crc.update(b, messageOffset + 4, attributeOffset - messageOffset - 4);
        return crc.getValue() ^ FINGERPRINT_XOR;
    }
}
