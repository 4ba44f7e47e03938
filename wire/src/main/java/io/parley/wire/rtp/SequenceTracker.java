package io.parley.wire.rtp;

/**
 * The per-source sequence state of RFC 3550 appendix A.1: extends 16-bit sequence numbers with
 * a count of wrap-arounds, holds a new source on probation until {@link #MIN_SEQUENTIAL}
 * packets arrive in order, and accepts a large jump only when the next packet confirms it (the
 * sender restarted). Its counters give the expected and lost packets of an RTCP report block
 * (RFC 3550 §6.4.1, appendix A.3). One instance per received SSRC; not thread-safe.
 */
public final class SequenceTracker {
    /** Packets in sequence before a new source is valid. */
    public static final int MIN_SEQUENTIAL = 2;
    /** A forward gap up to this is loss, not a restart. */
    public static final int MAX_DROPOUT = 3000;
    /** A backward step up to this is reordering, not a restart. */
    public static final int MAX_MISORDER = 100;

    private static final int MOD = SequenceNumbers.MODULUS;

    private boolean started;
    private int maxSeq;
    private long cycles;
    private long baseSeq;
    private int badSeq;
    private int probation;
    private long received;

    /**
     * Feeds one received sequence number. Returns true when the packet is valid: the source is
     * past probation and the number is in order, a tolerated gap, a reordering or a duplicate,
     * or the confirmation of a restart. Returns false while on probation and for the first
     * packet after a large jump.
     */
    public boolean update(int seq) {
        seq &= 0xFFFF;
        if (!started) {
            started = true;
            init(seq);
            maxSeq = (seq - 1) & 0xFFFF;
            probation = MIN_SEQUENTIAL;
        }
        int delta = (seq - maxSeq) & 0xFFFF;
        if (probation > 0) {
            if (seq == ((maxSeq + 1) & 0xFFFF)) {
                probation--;
                maxSeq = seq;
                if (probation == 0) {
                    init(seq);
                    received++;
                    return true;
                }
            } else {
                probation = MIN_SEQUENTIAL - 1;
                maxSeq = seq;
            }
            return false;
        }
        if (delta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += MOD;
            }
            maxSeq = seq;
        } else if (delta <= MOD - MAX_MISORDER) {
            if (seq != badSeq) {
                badSeq = (seq + 1) & 0xFFFF;
                return false;
            }
            init(seq);
        }
        received++;
        return true;
    }

    private void init(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = MOD + 1;
        cycles = 0;
        received = 0;
    }

    /** Whether the source has passed probation. */
    public boolean isValid() {
        return started && probation == 0;
    }

    /** The highest sequence number seen, extended with the wrap-around count (RFC 3550 §6.4.1). */
    public long extendedHighest() {
        return cycles + maxSeq;
    }

    /** The number of wrap-arounds times 2^16. */
    public long cycles() {
        return cycles;
    }

    /**
     * Extends {@code seq} relative to the highest seen: a reordered packet from before the last
     * wrap gets the previous cycle, one slightly ahead gets the next.
     */
    public long extend(int seq) {
        return extendedHighest() + SequenceNumbers.diff(seq, maxSeq);
    }

    /** Packets counted as received since the source became valid or restarted. */
    public long received() {
        return received;
    }

    /** Packets expected since then: extended highest minus base, plus one (RFC 3550 A.3). */
    public long expected() {
        return isValid() ? extendedHighest() - baseSeq + 1 : 0;
    }

    /** Expected minus received; negative when duplicates arrived (RFC 3550 A.3). */
    public long lost() {
        return expected() - received;
    }
}
