package io.parley.transport.srtp;

/**
 * SRTP protection of RTP for AES128_CM_HMAC_SHA1_80 (RFC 3711 §3.3, §4.1.1, §4.2.1), written for
 * the forwarding hot path: session keys derived once (§4.3), one AES/ECB cipher producing the
 * counter-mode keystream into reused arrays, one reused HMAC-SHA1, an index per SSRC. Protecting a
 * packet allocates nothing. The one lock is uncontended in the server, where a player's packets
 * come from the event loop; it keeps the cipher and the indexes consistent for any other caller.
 */
final class AesCmRtpSender {
    /** Bytes of the HMAC-SHA1-80 tag. */
    static final int TAG = 10;
    private static final int RTP_HEADER = 12;
    private static final int SESSION_KEY = 16;
    private static final int SESSION_SALT = 14;
    private static final int AUTH_KEY = 20;

    private final AesCounterMode cipher;
    private final HmacSha1 mac;
    private final byte[] sessionSalt;
    private final SsrcMap<RtpPacketIndex> indexes;
    private final byte[] iv = new byte[16];
    private final byte[] rocBytes = new byte[4];

    AesCmRtpSender(byte[] masterKey, byte[] masterSalt, int maxSsrcs) {
        SrtpKeyDerivation kdf = new SrtpKeyDerivation(masterKey, masterSalt);
        cipher = new AesCounterMode(kdf.derive(SrtpKeyDerivation.LABEL_RTP_ENCRYPTION, SESSION_KEY));
        mac = new HmacSha1(kdf.derive(SrtpKeyDerivation.LABEL_RTP_AUTHENTICATION, AUTH_KEY));
        sessionSalt = kdf.derive(SrtpKeyDerivation.LABEL_RTP_SALT, SESSION_SALT);
        indexes = new SsrcMap<>(maxSsrcs);
    }

    /**
     * Encrypts the payload of the RTP packet {@code buf[off, off + len)} and appends the tag;
     * returns the SRTP length, or {@link SrtpSession#ERR_MALFORMED} (header longer than the
     * packet, payload longer than a datagram), {@link SrtpSession#ERR_REPLAY} (index used) or
     * {@link SrtpSession#ERR_TOO_MANY_SSRCS}. The caller has checked version, length and room.
     */
    synchronized int protect(byte[] buf, int off, int len) {
        int header = headerLength(buf, off, len);
        if (header < 0 || len - header > AesCounterMode.MAX_LENGTH) {
            return SrtpSession.ERR_MALFORMED;
        }
        int ssrc = (buf[off + 8] & 0xFF) << 24 | (buf[off + 9] & 0xFF) << 16 | (buf[off + 10] & 0xFF) << 8 | (buf[off + 11] & 0xFF);
        RtpPacketIndex index = indexes.get(ssrc);
        if (index == null) {
            if (!indexes.put(ssrc, new RtpPacketIndex())) {
                return SrtpSession.ERR_TOO_MANY_SSRCS;
            }
            index = indexes.get(ssrc);
        }
        int seq = (buf[off + 2] & 0xFF) << 8 | (buf[off + 3] & 0xFF);
        long i = index.estimate(seq);
        if (i == RtpPacketIndex.REFUSED) {
            return SrtpSession.ERR_REPLAY;
        }
        // §4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16).
        System.arraycopy(sessionSalt, 0, iv, 0, SESSION_SALT);
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        for (int b = 0; b < 6; b++) {
            iv[8 + b] ^= (byte) (i >>> (40 - 8 * b));
        }
        iv[14] = 0;
        iv[15] = 0;
        cipher.apply(iv, buf, off + header, len - header);
        // §4.2: the tag covers the header, the encrypted payload and the ROC.
        int roc = RtpPacketIndex.roc(i);
        rocBytes[0] = (byte) (roc >>> 24);
        rocBytes[1] = (byte) (roc >>> 16);
        rocBytes[2] = (byte) (roc >>> 8);
        rocBytes[3] = (byte) roc;
        mac.start();
        mac.update(buf, off, len);
        mac.update(rocBytes, 0, 4);
        mac.finish(buf, off + len, TAG);
        index.commit(i);
        return len + TAG;
    }

    /** SSRCs with an index. */
    int ssrcs() {
        return indexes.size();
    }

    void clear() {
        indexes.clear();
    }

    /** RFC 3550 §5.1: fixed header, CSRCs, and the extension block if X is set; -1 if it overruns. */
    private static int headerLength(byte[] b, int off, int len) {
        int header = RTP_HEADER + 4 * (b[off] & 0x0F);
        if ((b[off] & 0x10) != 0) {
            if (header + 4 > len) {
                return -1;
            }
            header += 4 + 4 * ((b[off + header + 2] & 0xFF) << 8 | (b[off + header + 3] & 0xFF));
        }
        return header > len ? -1 : header;
    }
}
