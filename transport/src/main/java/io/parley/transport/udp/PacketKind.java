package io.parley.transport.udp;

/**
 * What a datagram on the shared port carries, told by its first byte as RFC 7983 §7 prescribes
 * (and RFC 5761 §4 for RTP against RTCP by the second byte). Needs no allocation and no parsing.
 */
public enum PacketKind {
    /** First byte 0..3. */
    STUN,
    /** First byte 20..63 (RFC 7983 widened DTLS's range from RFC 5764's 20..63). */
    DTLS,
    /** First byte 128..191, second byte outside 192..223. */
    RTP,
    /** First byte 128..191, second byte (the RTCP packet type) 192..223. */
    RTCP,
    /** Anything else: ZRTP, TURN channels (not used here), or garbage. */
    UNKNOWN;

    /** Classifies the datagram {@code b[off, off + len)}. */
    public static PacketKind of(byte[] b, int off, int len) {
        if (len < 1) {
            return UNKNOWN;
        }
        int first = b[off] & 0xFF;
        if (first <= 3) {
            return STUN;
        }
        if (first >= 20 && first <= 63) {
            return DTLS;
        }
        if (first >= 128 && first <= 191) {
            if (len < 2) {
                return UNKNOWN;
            }
            int second = b[off + 1] & 0xFF;
            return second >= 192 && second <= 223 ? RTCP : RTP;
        }
        return UNKNOWN;
    }
}
