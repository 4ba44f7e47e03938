package io.parley.sfu;

import io.parley.wire.rtp.SequenceNumbers;

/**
 * The sequence number and timestamp translation of one outgoing stream (RFC 3550 §5.1, §8.2 and
 * RFC 7667 §3.7 on a media-switching middlebox): outgoing = incoming + offset, where the offsets are
 * chosen again whenever the source starts, restarts with a new SSRC or is switched, so that the
 * player sees one stream whose sequence numbers continue by one and whose timestamps advance by the
 * time that passed. How far the numbering has advanced since the source's first packet is kept
 * unwrapped, so a late packet or a NACK for a number from before it is never answered with a
 * packet of the new source, however long the source has run.
 */
final class RtpRewriter {
    private static final long TS_MASK = 0xFFFF_FFFFL;
    private static final long NANOS = 1_000_000_000L;

    private final int initialSeq;
    private final long initialTs;
    private boolean started;
    private int seqOffset;
    private long tsOffset;
    private int lastOutSeq;
    /** How many numbers lastOutSeq is past the source's first outgoing number: -1 before its first packet. */
    private long span;
    private long lastOutTs;
    private long lastOutNanos;

    /** @param initialSeq the first outgoing sequence number; @param initialTs the first outgoing timestamp (both random, RFC 3550 §5.1) */
    RtpRewriter(int initialSeq, long initialTs) {
        this.initialSeq = initialSeq & 0xFFFF;
        this.initialTs = initialTs & TS_MASK;
    }

    /** Maps the source's packet {@code (inSeq, inTs)} onto the next outgoing number and a timestamp that continues after the last one sent. */
    void rebase(int inSeq, long inTs, long now, int clockRate) {
        int nextSeq;
        long nextTs;
        if (!started) {
            nextSeq = initialSeq;
            nextTs = initialTs;
        } else {
            // At least one tick, so the player never sees the new source's first frame share a timestamp with the old one's last.
            long elapsed = Math.max(1, (now - lastOutNanos) / 1000 * clockRate / (NANOS / 1000));
            nextSeq = lastOutSeq + 1;
            nextTs = lastOutTs + elapsed;
        }
        seqOffset = (nextSeq - inSeq) & 0xFFFF;
        tsOffset = (nextTs - inTs) & TS_MASK;
        lastOutSeq = (nextSeq - 1) & 0xFFFF;
        span = -1;
        lastOutTs = (nextTs - 1) & TS_MASK;
        lastOutNanos = now;
        started = true;
    }

    int seq(int inSeq) {
        return (inSeq + seqOffset) & 0xFFFF;
    }

    long timestamp(long inTs) {
        return (inTs + tsOffset) & TS_MASK;
    }

    /** The source's sequence number behind outgoing {@code outSeq}, for a NACK. */
    int sourceSeq(int outSeq) {
        return (outSeq - seqOffset) & 0xFFFF;
    }

    /** Whether {@code outSeq} belongs to the current source: ahead of the last one sent, or not before its first. */
    boolean isCurrent(int outSeq) {
        return started && (SequenceNumbers.isNewer(outSeq, lastOutSeq) || wasSent(outSeq));
    }

    /** Whether {@code outSeq} lies within the range already sent for the current source. */
    boolean wasSent(int outSeq) {
        return started && !SequenceNumbers.isNewer(outSeq, lastOutSeq)
                && SequenceNumbers.diff(lastOutSeq, outSeq) <= span;
    }

    /** Records a packet handed to the player, so the next rebase continues after it. */
    void sent(int outSeq, long outTs, long now) {
        if (SequenceNumbers.isNewer(outSeq, lastOutSeq)) {
            span += SequenceNumbers.diff(outSeq, lastOutSeq);
            lastOutSeq = outSeq;
            lastOutTs = outTs;
            lastOutNanos = now;
        }
    }

    /** The outgoing timestamp that corresponds to {@code now}, extrapolated from the last packet sent. */
    long timestampAt(long now, int clockRate) {
        return (lastOutTs + (now - lastOutNanos) / 1000 * clockRate / (NANOS / 1000)) & TS_MASK;
    }

    boolean started() {
        return started;
    }
}
