package io.parley.transport.srtp;

/**
 * The sender's SRTP packet index for one SSRC (RFC 3711 §3.3.1): the 48-bit index ROC * 2^16 + SEQ,
 * the rollover counter estimated as Appendix A does so that packets sent slightly out of order
 * around a wrap get the right ROC, and a 64-packet window that refuses to protect one index twice
 * (a second, different packet under the same index would reuse the keystream). Guarded by its owner.
 */
final class RtpPacketIndex {
    static final long REFUSED = -1;
    private static final int WINDOW = 64;

    private boolean started;
    private int roc;
    private int highestSeq;
    private long seen;

    /** The index for {@code seq}, or {@link #REFUSED} if it was used or is older than the window. */
    long estimate(int seq) {
        if (!started) {
            return seq;
        }
        int v;
        if (highestSeq < 0x8000) {
            v = seq - highestSeq > 0x8000 ? roc - 1 : roc;
        } else {
            v = highestSeq - 0x8000 > seq ? roc + 1 : roc;
        }
        if (v < 0) {
            return REFUSED;
        }
        long index = ((long) v << 16) | seq;
        long delta = index - highest();
        if (delta > 0) {
            return index;
        }
        if (-delta >= WINDOW || (seen & (1L << -delta)) != 0) {
            return REFUSED;
        }
        return index;
    }

    /** Records that the packet with {@code index} (from {@link #estimate}) was protected. */
    void commit(long index) {
        if (!started) {
            started = true;
            roc = (int) (index >>> 16);
            highestSeq = (int) (index & 0xFFFF);
            seen = 1;
            return;
        }
        long delta = index - highest();
        if (delta > 0) {
            seen = delta >= WINDOW ? 1 : (seen << delta) | 1;
            roc = (int) (index >>> 16);
            highestSeq = (int) (index & 0xFFFF);
        } else {
            seen |= 1L << -delta;
        }
    }

    /** The rollover counter that goes with {@code index}, for the authentication tag. */
    static int roc(long index) {
        return (int) (index >>> 16);
    }

    private long highest() {
        return ((long) roc << 16) | highestSeq;
    }
}
