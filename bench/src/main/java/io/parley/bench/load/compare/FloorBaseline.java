package io.parley.bench.load.compare;

import io.parley.bench.floor.FloorLoad;
import io.parley.bench.floor.FloorRelay;
import io.parley.bench.floor.FloorResult;
import io.parley.bench.load.media.SourceShape;
import io.parley.bench.load.report.Measurement;
import io.parley.bench.load.stats.Percentiles.Summary;
import java.time.Duration;

/**
 * The same load on the C floor relay (bench/floor: recvmmsg in, one AES-128-GCM per player,
 * sendmmsg out), in the same run, so Parley's CPU per forwarded packet is read as a ratio to the
 * least a relay can do on this machine now. The floor carries one stream, so a load of many
 * publishers becomes one stream of their summed packet rate to the same number of players: the
 * same forwarded packets per second and the same fan-out.
 */
public final class FloorBaseline {
    private FloorBaseline() {
    }

    /** The floor's load equal to {@code publishers} sources of {@code shape}, each played {@code players} times. */
    public static FloorLoad load(SourceShape shape, int publishers, int players, Duration duration) {
        int pps = shape.packetsPerSecond() * publishers;
        int audio = shape.audio() ? SourceShape.AUDIO_PACKETS_PER_SECOND : 0;
        int video = shape.packetsPerSecond() - audio;
        // The synthetic source's audio frames are 80 bytes; the floor sends one size, the mean.
        long bytesPerSecond = (long) video * shape.videoFrameBytes() + 80L * audio;
        int payload = (int) Math.max(FloorLoad.MIN_PAYLOAD_BYTES, bytesPerSecond / shape.packetsPerSecond());
        return new FloorLoad(players, pps, Math.min(payload, FloorLoad.MAX_PAYLOAD_BYTES), duration);
    }

    /** Runs the floor under {@code load} (its warm-up included in the duration) and files it under {@code players}. */
    public static Measurement run(FloorLoad load, int players) {
        FloorResult r = FloorRelay.run(load);
        double window = load.packetsPerSecond() == 0 ? Double.NaN : (double) r.packetsIn() / load.packetsPerSecond();
        double bits = r.forwardedPackets() * (12.0 + load.payloadBytes()) * 8;
        return new Measurement("floor", players, 0, load.players(), window, r.cpuSeconds(), r.forwardedPackets(),
                Double.NaN, window > 0 ? bits / window : Double.NaN, r.cpuNanosPerForwardedPacket() / 1000,
                new Summary(r.forwardedPackets(), r.delayP50Micros(), r.delayP99Micros(), r.delayMaxMicros()),
                r.lossRatio(), Summary.EMPTY, Summary.EMPTY, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0);
    }
}
