package io.parley.bench.load.report;

import io.parley.bench.load.stats.Percentiles.Summary;

/**
 * The figures of one load against one target (Parley, Janus or the C floor) over the measured
 * window. A figure a target cannot give is NaN (JSON: {@code "NaN"}): the C floor has no logins,
 * Janus no forwarded-packet counter.
 *
 * @param target                 {@code parley}, {@code janus} or {@code floor}
 * @param players                plays per published stream (broadcast: N; meeting: K - 1)
 * @param sessions               logged-in users
 * @param plays                  plays in all
 * @param windowSeconds          the measured window
 * @param cpuSeconds             the server process's user + kernel CPU over the window
 * @param forwardedPackets       packets the server forwarded over the window (its own counter; else what the sinks got)
 * @param receivedPackets        packets the counting sinks received over the window
 * @param forwardedBitsPerSecond RTP bits forwarded per second (headers included)
 * @param cpuMicrosPerPacket     {@code cpuSeconds / forwardedPackets}, in microseconds
 * @param delayMicros            one-way delay, publisher's send call to the player's receive, over the window
 * @param lossRatio              sequence gaps at the players over the window ÷ (received + gaps)
 * @param joinMillis             login called to the play's first packet
 * @param loginMillis            login called to CONNECTED
 * @param loginsPerSecond        logins over the time all of them took (login storm)
 * @param heapPerSessionBytes    the server's live heap after the logins less before, ÷ sessions
 * @param heapPerPlayBytes       the live heap after the plays less after the logins, ÷ plays
 * @param rssPerSessionBytes     the same with the process's resident memory
 * @param rssPerPlayBytes        the same with the process's resident memory
 * @param gcCollections          the server JVM's collections over the window
 * @param gcPauseSeconds         their total stop-the-world time
 * @param gcMaxPauseMillis       the longest pause in the window (from the GC log of a server the generator started)
 * @param failures               logins, publishes or plays that failed
 * @param jitCpuSeconds          of {@code cpuSeconds}, what the server JVM's JIT compiler threads spent: code
 *                               still being compiled, not the forwarding path (0 for a target that is no JVM)
 */
public record Measurement(String target, int players, int sessions, int plays, double windowSeconds,
                          double cpuSeconds, double forwardedPackets, double receivedPackets,
                          double forwardedBitsPerSecond, double cpuMicrosPerPacket, Summary delayMicros,
                          double lossRatio, Summary joinMillis, Summary loginMillis, double loginsPerSecond,
                          double heapPerSessionBytes, double heapPerPlayBytes, double rssPerSessionBytes,
                          double rssPerPlayBytes, double gcCollections, double gcPauseSeconds, double gcMaxPauseMillis,
                          int failures, double jitCpuSeconds) {

    /** Forwarded packets per second over the window. */
    public double forwardedPacketsPerSecond() {
        return windowSeconds > 0 ? forwardedPackets / windowSeconds : Double.NaN;
    }

    /** {@link #cpuMicrosPerPacket} less the JIT compilers' share. */
    public double cpuMicrosPerPacketWithoutJit() {
        return forwardedPackets > 0 ? (cpuSeconds - jitCpuSeconds) * 1e6 / forwardedPackets : Double.NaN;
    }

    /** The server's CPU as a share of one core over the window. */
    public double cpuCoreShare() {
        return windowSeconds > 0 ? cpuSeconds / windowSeconds : Double.NaN;
    }
}
