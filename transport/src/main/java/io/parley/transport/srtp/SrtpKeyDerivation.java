package io.parley.transport.srtp;

/**
 * The SRTP key derivation of RFC 3711 §4.3 with a key derivation rate of zero (what DTLS-SRTP
 * uses, RFC 5764 §4.1.2): each session key is the AES-CM keystream (§4.3.3) under the master key
 * from the IV (master salt XOR (label || 0^48)) * 2^16 (§4.3.1).
 */
final class SrtpKeyDerivation {
    /** RFC 3711 §4.3.2 labels. */
    static final int LABEL_RTP_ENCRYPTION = 0x00;
    static final int LABEL_RTP_AUTHENTICATION = 0x01;
    static final int LABEL_RTP_SALT = 0x02;

    private static final int SALT = 14;

    private final AesCounterMode prf;
    private final byte[] masterSalt;

    SrtpKeyDerivation(byte[] masterKey, byte[] masterSalt) {
        if (masterSalt.length != SALT) {
            throw new IllegalArgumentException("an AES-CM master salt is 14 bytes, not " + masterSalt.length);
        }
        this.prf = new AesCounterMode(masterKey);
        this.masterSalt = masterSalt.clone();
    }

    /** The {@code length}-byte session key, salt or authentication key for {@code label}. */
    byte[] derive(int label, int length) {
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, SALT);
        // key_id = label || r (48 bits, zero) is 7 bytes aligned to the salt's right end: the label is byte 7.
        iv[7] ^= (byte) label;
        return prf.keystream(iv, length);
    }
}
