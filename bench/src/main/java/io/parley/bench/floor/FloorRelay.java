package io.parley.bench.floor;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the C floor relay (bench/floor/relay.c) under a load and measures it: the least CPU a relay
 * spends per forwarded SRTP packet on this machine, against which Parley's figure is read as a
 * ratio in the same run (issue 7).
 *
 * <p>One run: build the relay if needed; bind the players' sockets; start the relay with a fresh
 * key, salt, SSRC and sequence offset per player; publish the stream paced on a 1 ms tick; after
 * the warm-up, snapshot the relay's counters (a STAT request, answered after every earlier packet)
 * and its CPU time ({@link ProcessCpu}); when the last packet is sent and the players have it (or
 * 1 s passed), snapshot again; stop the relay. Everything is bounded: the relay also exits by itself
 * a minute after the run should have ended, and when this JVM dies.
 */
public final class FloorRelay {
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(1);

    private FloorRelay() {
    }

    /** Runs the floor under {@code load} and returns what it measured. */
    public static FloorResult run(FloorLoad load) {
        return run(load, null);
    }

    /**
     * Runs the floor under {@code load}; {@code listener}, when not null, sees every packet every
     * player receives.
     *
     * @throws IllegalStateException when the relay cannot be built or started, or forwarded nothing
     */
    public static FloorResult run(FloorLoad load, PlayerPacketListener listener) {
        Path binary = FloorBuild.relayBinary();
        SecureRandom random = new SecureRandom();
        try (FloorReceiver receiver = FloorReceiver.open(load.players())) {
            List<FloorPlayer> players = new ArrayList<>();
            for (var address : receiver.addresses()) {
                players.add(FloorPlayer.random(address, random));
            }
            try (FloorProcess relay = FloorProcess.start(binary, players, load.duration().plusSeconds(60))) {
                ProcessCpu cpu = new ProcessCpu(relay.pid());
                long windowFrom = load.warmUpPackets();
                long windowTo = load.totalPackets();
                receiver.start(players, relay.address(), windowFrom, windowTo, listener);

                Snapshot[] from = new Snapshot[1];
                new FloorSender(relay.address(), load, () -> from[0] = Snapshot.take(relay, cpu)).run();
                long expected = (windowTo - windowFrom) * load.players();
                awaitPlayers(receiver, expected);
                Snapshot to = Snapshot.take(relay, cpu);
                DelayHistogram delays = receiver.stop();
                relay.stop();

                long in = to.counters.in() - from[0].counters.in();
                long forwarded = to.counters.out() - from[0].counters.out();
                if (forwarded <= 0) {
                    throw new IllegalStateException("the floor relay forwarded nothing in the window (in=" + in + ")");
                }
                long cpuNanos = to.cpuNanos - from[0].cpuNanos;
                double loss = Math.max(0, 1 - (double) delays.count() / expected);
                return new FloorResult(in, forwarded, cpuNanos / 1e9, (double) cpuNanos / forwarded,
                        delays.percentileMicros(0.50), delays.percentileMicros(0.99), delays.maxMicros(), loss);
            }
        }
    }

    /** Waits until the players have every packet of the window, or the drain limit passed. */
    private static void awaitPlayers(FloorReceiver receiver, long expected) {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (receiver.measuredReceived() < expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while draining the floor", e);
            }
        }
    }

    /** The relay's counters, then its CPU time: the STAT answer comes after every earlier packet's work. */
    private record Snapshot(RelayCounters counters, long cpuNanos) {
        static Snapshot take(FloorProcess relay, ProcessCpu cpu) {
            RelayCounters counters = relay.stat();
            return new Snapshot(counters, cpu.cpuNanos());
        }
    }
}
