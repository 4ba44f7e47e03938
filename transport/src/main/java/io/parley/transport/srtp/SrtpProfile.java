package io.parley.transport.srtp;

import org.jitsi.srtp.SrtpPolicy;

/**
 * The two DTLS-SRTP protection profiles Parley negotiates: RFC 5764 §4.1.2 (AES128_CM_HMAC_SHA1_80)
 * and RFC 7714 §14.2 (AEAD_AES_128_GCM), with the key, salt and tag sizes each defines.
 */
public enum SrtpProfile {
    /** RFC 7714: AES-GCM with a 16-byte tag; preferred, as Chromium does. */
    AEAD_AES_128_GCM(0x0007, 16, 12, 16),
    /** RFC 3711 default suite: AES counter mode and an 80-bit HMAC-SHA1 tag. */
    AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 10);

    private final int id;
    private final int keyLength;
    private final int saltLength;
    private final int tagLength;

    SrtpProfile(int id, int keyLength, int saltLength, int tagLength) {
        this.id = id;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.tagLength = tagLength;
    }

    /** The SRTPProtectionProfile value carried in the use_srtp extension. */
    public int id() {
        return id;
    }

    public int keyLength() {
        return keyLength;
    }

    public int saltLength() {
        return saltLength;
    }

    /** Bytes SRTP appends to an RTP packet; SRTCP adds 4 more for the E flag and index. */
    public int tagLength() {
        return tagLength;
    }

    /** Length of the keying material RFC 5764 §4.2 exports: two keys and two salts. */
    public int keyingMaterialLength() {
        return 2 * (keyLength + saltLength);
    }

    /** The profile with this use_srtp value, or null when Parley does not offer it. */
    public static SrtpProfile byId(int id) {
        for (SrtpProfile p : values()) {
            if (p.id == id) {
                return p;
            }
        }
        return null;
    }

    SrtpPolicy policy() {
        SrtpPolicy policy = this == AEAD_AES_128_GCM
                ? new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, keyLength, SrtpPolicy.NULL_AUTHENTICATION, 0, tagLength, saltLength)
                : new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, keyLength, SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, tagLength, saltLength);
        return policy;
    }
}
