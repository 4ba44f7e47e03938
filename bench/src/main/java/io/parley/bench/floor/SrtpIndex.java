package io.parley.bench.floor;

/**
 * A receiver's estimate of an SRTP packet's 48-bit index (ROC × 2^16 + SEQ) from its 16-bit
 * sequence number and the highest index seen so far, RFC 3711 section 3.3.1 and appendix A.
 */
final class SrtpIndex {
    private boolean started;
    private long highest;

    /** The index of a packet carrying {@code sequence}; remembers it when it is the highest yet. */
    long estimate(int sequence) {
        if (!started) {
            started = true;
            highest = sequence;
            return sequence;
        }
        int sL = (int) (highest & 0xffff);
        long roc = highest >>> 16;
        long v;
        if (sL < 0x8000) {
            v = sequence - sL > 0x8000 && roc > 0 ? roc - 1 : roc;
        } else {
            v = sL - 0x8000 > sequence ? roc + 1 : roc;
        }
        long index = (v << 16) | sequence;
        if (index > highest) {
            highest = index;
        }
        return index;
    }
}
