package io.parley.bench.load.report;

import io.parley.bench.load.stats.Ratio;

/**
 * One load size of a run (a number of players), measured on Parley and, when asked, on the C floor
 * and on Janus in the same run, with the ratios read against the goals (Parley's CPU per
 * forwarded packet ≤ 1.25 × the floor; Parley ahead of Janus on CPU per packet and on delay).
 *
 * @param floor null unless {@code --compare floor}
 * @param janus null unless {@code --compare janus}
 */
public record Point(int players, Measurement parley, Measurement floor, Measurement janus) {

    /** Parley's CPU per forwarded packet ÷ the floor's; NaN without a floor. */
    public double cpuPerPacketVsFloor() {
        return floor == null ? Double.NaN : Ratio.of(parley.cpuMicrosPerPacket(), floor.cpuMicrosPerPacket());
    }

    /** Parley's CPU per forwarded packet ÷ Janus's; NaN without Janus. */
    public double cpuPerPacketVsJanus() {
        return janus == null ? Double.NaN : Ratio.of(parley.cpuMicrosPerPacket(), janus.cpuMicrosPerPacket());
    }

    /** Parley's p99 one-way delay ÷ Janus's; NaN without Janus. */
    public double delayP99VsJanus() {
        return janus == null ? Double.NaN : Ratio.of(parley.delayMicros().p99(), janus.delayMicros().p99());
    }

    /** Parley's p50 one-way delay ÷ Janus's; NaN without Janus. */
    public double delayP50VsJanus() {
        return janus == null ? Double.NaN : Ratio.of(parley.delayMicros().p50(), janus.delayMicros().p50());
    }
}
