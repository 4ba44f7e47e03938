package io.parley.bench.floor;

/**
 * What one floor run measured over its window (after the warm-up): the relay's RTP packets in and
 * SRTP packets out, its CPU time and that time per forwarded packet, the one-way delay from the
 * sender's {@code System.nanoTime()} to the player's receive, and the share of expected packets
 * that no player received.
 *
 * @param packetsIn RTP packets the relay received in the window
 * @param forwardedPackets SRTP packets the relay handed to the kernel in the window
 * @param cpuSeconds the relay process's user plus system time in the window
 * @param cpuNanosPerForwardedPacket {@code cpuSeconds} in nanoseconds over {@code forwardedPackets}
 * @param delayP50Micros median one-way delay, sender to player, in microseconds
 * @param delayP99Micros 99th percentile of the same
 * @param delayMaxMicros the largest delay seen
 * @param lossRatio 1 − received / (sent × players) for the packets sent in the window
 */
public record FloorResult(long packetsIn, long forwardedPackets, double cpuSeconds, double cpuNanosPerForwardedPacket,
        double delayP50Micros, double delayP99Micros, double delayMaxMicros, double lossRatio) {
}
