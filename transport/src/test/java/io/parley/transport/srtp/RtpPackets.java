package io.parley.transport.srtp;

/** Plain RTP packets (RFC 3550 §5.1) for the SRTP tests, with 16 spare bytes after them for the tag. */
final class RtpPackets {
    private RtpPackets() {
    }

    /** A packet with {@code csrcs} CSRCs, an RFC 8285 one-byte extension block of {@code extensionWords} words if above 0, and {@code payload} bytes. */
    static byte[] rtp(int seq, int ssrc, int csrcs, int extensionWords, int payload) {
        byte[] p = new byte[12 + 4 * csrcs + (extensionWords > 0 ? 4 + 4 * extensionWords : 0) + payload + 16];
        p[0] = (byte) (0x80 | csrcs | (extensionWords > 0 ? 0x10 : 0));
        p[1] = 111;
        p[2] = (byte) (seq >> 8);
        p[3] = (byte) seq;
        p[8] = (byte) (ssrc >>> 24);
        p[9] = (byte) (ssrc >>> 16);
        p[10] = (byte) (ssrc >>> 8);
        p[11] = (byte) ssrc;
        int at = 12 + 4 * csrcs;
        if (extensionWords > 0) {
            p[at] = (byte) 0xBE;
            p[at + 1] = (byte) 0xDE;
            p[at + 3] = (byte) extensionWords;
            at += 4 + 4 * extensionWords;
        }
        for (int i = 12; i < p.length - 16; i++) {
            if (i >= at || i < 12 + 4 * csrcs) {
                p[i] = (byte) (i * 31 + seq);
            }
        }
        return p;
    }

    /** A packet with a fixed header only and {@code payload} bytes. */
    static byte[] rtp(int seq, int ssrc, int payload) {
        return rtp(seq, ssrc, 0, 0, payload);
    }
}
