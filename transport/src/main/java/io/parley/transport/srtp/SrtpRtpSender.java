package io.parley.transport.srtp;

/**
 * The sender's half of SRTP for RTP (RFC 3711 §3.3) that does not depend on the cipher: finds the
 * header's end (RFC 3550 §5.1), keeps a packet index per SSRC ({@link RtpPacketIndex}), refuses an
 * index twice, and lets the transform (here {@link AesCmRtpSender}) encrypt and tag. One lock per
 * session: uncontended in the server, where a player's packets come from one event loop, and what
 * keeps cipher state and indexes consistent for any other caller.
 */
abstract class SrtpRtpSender {
    private static final int RTP_HEADER = 12;

    private final SsrcMap<RtpPacketIndex> indexes;

    SrtpRtpSender(int maxSsrcs) {
        indexes = new SsrcMap<>(maxSsrcs);
    }

    /**
     * Protects the RTP packet {@code buf[off, off + len)} in place and appends the tag; returns the
     * SRTP length, or {@link SrtpSession#ERR_MALFORMED} (header longer than the packet, payload
     * longer than a datagram), {@link SrtpSession#ERR_REPLAY} (index used) or
     * {@link SrtpSession#ERR_TOO_MANY_SSRCS}. The caller has checked version, length and room.
     */
    final synchronized int protect(byte[] buf, int off, int len) {
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
        int added = seal(buf, off, header, len, ssrc, i);
        if (added < 0) {
            return added;
        }
        index.commit(i);
        return len + added;
    }

    /**
     * Encrypts {@code buf[off + header, off + len)} and writes the tag after it for the packet of
     * {@code ssrc} and 48-bit {@code index} (ROC * 2^16 + SEQ); returns the bytes added, or an
     * {@code ERR_*} code.
     */
    abstract int seal(byte[] buf, int off, int header, int len, int ssrc, long index);

    /** SSRCs with an index. */
    final int ssrcs() {
        return indexes.size();
    }

    final void clear() {
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
