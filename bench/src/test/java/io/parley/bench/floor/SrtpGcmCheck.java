package io.parley.bench.floor;

import java.nio.ByteBuffer;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test's own RFC 7714 unprotect with javax.crypto, written apart from the code under test: the
 * IV from section 8.1, the RTP header as AAD (section 8.2), the 16-byte tag checked by the JDK.
 */
final class SrtpGcmCheck {
    private SrtpGcmCheck() {
    }

    /**
     * The payload of an SRTP packet with a 12-byte header.
     *
     * @throws javax.crypto.AEADBadTagException when the tag does not verify
     */
    static byte[] unprotect(byte[] key, byte[] salt, long roc, byte[] packet, int length) throws Exception {
        long ssrc = ByteBuffer.wrap(packet, 8, 4).getInt() & 0xffff_ffffL;
        int sequence = ByteBuffer.wrap(packet, 2, 2).getShort() & 0xffff;
        byte[] iv = ByteBuffer.allocate(12).putShort((short) 0).putInt((int) ssrc).putInt((int) roc).putShort((short) sequence).array();
        for (int i = 0; i < 12; i++) {
            iv[i] ^= salt[i];
        }
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        gcm.updateAAD(packet, 0, 12);
        return gcm.doFinal(packet, 12, length - 12);
    }
}
