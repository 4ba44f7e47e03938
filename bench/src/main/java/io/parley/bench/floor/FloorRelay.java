package io.parley.bench.floor;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the C floor relay (bench/floor/relay.c) under a load and measures it: the least CPU a relay
 * spends per forwarded SRTP packet on this machine, against which Parley's figure is read as a
 * ratio in the same run (issue 7).
 *
 * <p>One run: build the relay if needed; bind the players' sockets; start the relay with a fresh
 * key, salt, SSRC and sequence offset per player; publish the stream paced on a 1 ms tick; after
 * the warm-up, snapshot the relay's counters (a STAT request, answered after every earlier packet)
 * and its CPU time ({@link ProcessCpu}); when the last packet is sent and the players have it (or
 * stopped receiving), snapshot again; stop the relay. Everything is bounded: the relay also exits by itself
 * a minute after the run should have ended, and when this JVM dies.
 */
public final class FloorRelay {
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(1);
    private static final Duration DRAIN_CAP = Duration.ofSeconds(10);

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
     * @throws IllegalStateException when the relay cannot be built or started, forwarded nothing, or
     *     failed to encrypt
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
                new FloorSender(relay.address(), load, () -> from[0] = Snapshot.take(relay, cpu, windowFrom)).run();
                long expected = (windowTo - windowFrom) * load.players();
                awaitPlayers(receiver, expected);
                Snapshot to = Snapshot.take(relay, cpu, windowTo);
                DelayHistogram delays = receiver.stop();
                RelayCounters last = relay.stop();
                if (last.cryptoErrors() > 0) {
                    throw new IllegalStateException("the floor relay failed to protect " + last.cryptoErrors() + " packets");
                }

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

    /**
     * Waits until the players have every packet of the window, or until they stop making progress
     * for {@link #DRAIN_LIMIT} (what is still missing then is lost), or {@link #DRAIN_CAP} passed:
     * on a busy machine the players' sockets may still hold packets when the last one is sent.
     */
    private static void awaitPlayers(FloorReceiver receiver, long expected) {
        long now = System.nanoTime();
        long cap = now + DRAIN_CAP.toNanos();
        long lastProgress = now;
        long seen = receiver.measuredReceived();
        while (seen < expected && now < cap && now - lastProgress < DRAIN_LIMIT.toNanos()) {
            LockSupport.parkNanos(5_000_000);
            now = System.nanoTime();
            long count = receiver.measuredReceived();
            if (count > seen) {
                seen = count;
                lastProgress = now;
            }
        }
    }

    /** The relay's counters, then its CPU time, once it has worked on every packet sent so far. */
    private record Snapshot(RelayCounters counters, long cpuNanos) {
        /**
         * Loopback datagrams from two sockets can reach the relay out of order (each CPU has its
         * own backlog, and a busy machine defers one), so the STAT request may overtake the last
         * packets sent before it: ask again until the relay has seen {@code packetsSent}, for at
         * most the drain limit (a packet lost before the relay never comes).
         */
        static Snapshot take(FloorProcess relay, ProcessCpu cpu, long packetsSent) {
            long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
            RelayCounters counters = relay.stat();
            while (counters.in() < packetsSent && System.nanoTime() < deadline) {
                LockSupport.parkNanos(200_000);
                counters = relay.stat();
            }
            return new Snapshot(counters, cpu.cpuNanos());
        }
    }
}
