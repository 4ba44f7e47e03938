package io.parley.bench.load.server;

/**
 * What the load generator reads of the server under test at one instant: its process accounting
 * ({@code /proc}), its JVM's heap and collections ({@code jstat}), and its own counters
 * ({@code /metrics}). A figure the server does not give is NaN.
 *
 * @param nanoTime         {@link System#nanoTime()} of the sample
 * @param cpuNanos         user plus kernel CPU time of the whole process since it started
 * @param forwardedPackets {@code parley_media_rtp_forwarded_packets_total}
 * @param forwardedBytes   {@code parley_media_rtp_forwarded_bytes_total} (RTP headers included, SRTP tags not)
 * @param receivedPackets  {@code parley_media_rtp_received_packets_total}
 * @param sessions         {@code parley_sessions}
 * @param players          {@code parley_media_players}
 * @param jitCpuNanos      CPU time of the JVM's JIT compiler threads ({@code C1/C2 CompilerThre...}) since
 *                         the process started; 0 for a process that is no JVM
 */
public record ServerSample(long nanoTime, long cpuNanos, double rssBytes, double heapUsedBytes, double gcCount,
                           double gcSeconds, double forwardedPackets, double forwardedBytes, double receivedPackets,
                           double sessions, double players, long jitCpuNanos) {

    /** CPU seconds spent from {@code earlier} to this sample. */
    public double cpuSecondsSince(ServerSample earlier) {
        return (cpuNanos - earlier.cpuNanos) / 1e9;
    }

    /** CPU seconds the JIT compilers spent from {@code earlier} to this sample. */
    public double jitCpuSecondsSince(ServerSample earlier) {
        return (jitCpuNanos - earlier.jitCpuNanos) / 1e9;
    }

    public long nanosSince(ServerSample earlier) {
        return nanoTime - earlier.nanoTime;
    }
}
