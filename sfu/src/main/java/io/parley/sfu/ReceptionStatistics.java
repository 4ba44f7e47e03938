package io.parley.sfu;

import io.parley.wire.rtcp.ReportBlock;
import io.parley.wire.rtp.SequenceTracker;

/**
 * What the SFU reports to the publisher about one track's source in an RTCP report block (RFC 3550
 * §6.4.1): sequence validity and loss from {@link SequenceTracker} (appendix A.1, A.3), the
 * fraction lost since the previous report, the interarrival jitter estimate (§6.4.1, appendix A.8)
 * and the LSR/DLSR pair from the source's last sender report, which lets it compute the round trip.
 */
final class ReceptionStatistics {
    private static final long NANOS = 1_000_000_000L;

    private final int clockRate;
    private SequenceTracker sequences = new SequenceTracker();
    private long expectedPrior;
    private long receivedPrior;
    private boolean hasTransit;
    /** Arrivals are counted from the source's first packet, so the conversion to timestamp units cannot overflow. */
    private long originNanos;
    private long lastTransit;
    /** Jitter in timestamp units times 16, as in appendix A.8, to keep the fraction in integer arithmetic. */
    private long jitter16;

    ReceptionStatistics(int clockRate) {
        this.clockRate = clockRate;
    }

    void update(int seq, long rtpTimestamp, long arrivalNanos) {
        sequences.update(seq);
        if (!hasTransit) {
            originNanos = arrivalNanos;
        }
        long arrival = (arrivalNanos - originNanos) / 1000 * clockRate / (NANOS / 1000);
        long transit = (arrival - rtpTimestamp) & 0xFFFF_FFFFL;
        if (hasTransit) {
            long d = Math.abs((int) (transit - lastTransit));
            jitter16 += d - ((jitter16 + 8) >> 4);
        }
        hasTransit = true;
        lastTransit = transit;
    }

    /** A new source: the counts and jitter start over (RFC 3550 §8.2). */
    void restart() {
        sequences = new SequenceTracker();
        expectedPrior = 0;
        receivedPrior = 0;
        hasTransit = false;
        jitter16 = 0;
    }

    /** Writes the report block for {@code ssrc} and returns its size. */
    int writeBlock(byte[] b, int off, long ssrc, long lastSrNtp, long delaySinceSrNanos, boolean hasSr) {
        long expected = sequences.expected();
        long received = sequences.received();
        long expectedInterval = expected - expectedPrior;
        long lostInterval = expectedInterval - (received - receivedPrior);
        expectedPrior = expected;
        receivedPrior = received;
        int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long lost = sequences.lost();
        return ReportBlock.write(b, off, ssrc, Math.min(255, fraction), (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, lost)),
                sequences.extendedHighest() & 0xFFFF_FFFFL, jitter16 >> 4,
                hasSr ? NtpTime.middle32(lastSrNtp) : 0, hasSr ? NtpTime.toDlsr(delaySinceSrNanos) : 0);
    }
}
