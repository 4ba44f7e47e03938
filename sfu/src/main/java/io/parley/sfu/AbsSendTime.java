package io.parley.sfu;

/**
 * The abs-send-time header extension value
 * (http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time): the send time as 24-bit 6.18
 * fixed-point seconds, which wraps every 64 s and which the receiver's bandwidth estimator only
 * compares between packets of the same sender.
 */
final class AbsSendTime {
    private static final long NANOS = 1_000_000_000L;

    private AbsSendTime() {
    }

    static int of(long nanos) {
        long seconds = Math.floorDiv(nanos, NANOS);
        long fraction = (Math.floorMod(nanos, NANOS) << 18) / NANOS;
        return (int) (((seconds << 18) | fraction) & 0xFF_FFFF);
    }
}
