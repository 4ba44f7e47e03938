package io.parley.transport.srtp;

/**
 * SRTP protection of RTP for AES128_CM_HMAC_SHA1_80 (RFC 3711 §4.1.1, §4.2.1), written for the
 * forwarding hot path: session keys derived once (§4.3), one AES/ECB cipher producing the
 * counter-mode keystream into reused arrays, one reused HMAC-SHA1. Protecting a packet allocates
 * nothing.
 */
final class AesCmRtpSender extends SrtpRtpSender {
    /** Bytes of the HMAC-SHA1-80 tag. */
    static final int TAG = 10;
    private static final int SESSION_KEY = 16;
    private static final int SESSION_SALT = 14;
    private static final int AUTH_KEY = 20;

    private final AesCounterMode cipher;
    private final HmacSha1 mac;
    private final byte[] sessionSalt;
    private final byte[] iv = new byte[16];
    private final byte[] rocBytes = new byte[4];

    AesCmRtpSender(byte[] masterKey, byte[] masterSalt, int maxSsrcs) {
        super(maxSsrcs);
        SrtpKeyDerivation kdf = new SrtpKeyDerivation(masterKey, masterSalt);
        cipher = new AesCounterMode(kdf.derive(SrtpKeyDerivation.LABEL_RTP_ENCRYPTION, SESSION_KEY));
        mac = new HmacSha1(kdf.derive(SrtpKeyDerivation.LABEL_RTP_AUTHENTICATION, AUTH_KEY));
        sessionSalt = kdf.derive(SrtpKeyDerivation.LABEL_RTP_SALT, SESSION_SALT);
    }

    @Override
    int seal(byte[] buf, int off, int header, int len, int ssrc, long index) {
        // §4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16).
        System.arraycopy(sessionSalt, 0, iv, 0, SESSION_SALT);
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        for (int b = 0; b < 6; b++) {
            iv[8 + b] ^= (byte) (index >>> (40 - 8 * b));
        }
        iv[14] = 0;
        iv[15] = 0;
        cipher.apply(iv, buf, off + header, len - header);
        // §4.2: the tag covers the header, the encrypted payload and the ROC.
        int roc = RtpPacketIndex.roc(index);
        rocBytes[0] = (byte) (roc >>> 24);
        rocBytes[1] = (byte) (roc >>> 16);
        rocBytes[2] = (byte) (roc >>> 8);
        rocBytes[3] = (byte) roc;
        mac.start();
        mac.update(buf, off, len);
        mac.update(rocBytes, 0, 4);
        mac.finish(buf, off + len, TAG);
        return TAG;
    }
}
