package io.parley.bench.floor;

import java.time.Duration;

/**
 * The load the floor relay carries in one run: one RTP stream of {@code packetsPerSecond} packets
 * with {@code payloadBytes} of payload each, forwarded to {@code players} players for
 * {@code duration} (warm-up included).
 *
 * @param players how many players receive every packet (1 to {@value #MAX_PLAYERS})
 * @param packetsPerSecond the published stream's packet rate (1 to {@value #MAX_PACKETS_PER_SECOND})
 * @param payloadBytes RTP payload per packet, at least {@value #MIN_PAYLOAD_BYTES} (send time and
 *     sequence) and at most {@value #MAX_PAYLOAD_BYTES} (an Ethernet MTU with header and GCM tag)
 * @param duration how long the stream is sent, at least 500 ms
 */
public record FloorLoad(int players, int packetsPerSecond, int payloadBytes, Duration duration) {
    /** The relay's own limit (MAX_PLAYERS in relay.c). */
    public static final int MAX_PLAYERS = 4096;
    public static final int MAX_PACKETS_PER_SECOND = 200_000;
    /** An 8-byte {@code System.nanoTime()} send time and an 8-byte sequence. */
    public static final int MIN_PAYLOAD_BYTES = 16;
    /** 1500 bytes less the 12-byte RTP header and the 16-byte GCM tag. */
    public static final int MAX_PAYLOAD_BYTES = 1500 - 12 - 16;

    public FloorLoad {
        if (players < 1 || players > MAX_PLAYERS) {
            throw new IllegalArgumentException("players must be 1.." + MAX_PLAYERS + ", was " + players);
        }
        if (packetsPerSecond < 1 || packetsPerSecond > MAX_PACKETS_PER_SECOND) {
            throw new IllegalArgumentException("packetsPerSecond must be 1.." + MAX_PACKETS_PER_SECOND + ", was " + packetsPerSecond);
        }
        if (payloadBytes < MIN_PAYLOAD_BYTES || payloadBytes > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payloadBytes must be " + MIN_PAYLOAD_BYTES + ".." + MAX_PAYLOAD_BYTES + ", was " + payloadBytes);
        }
        if (duration == null || duration.toMillis() < 500) {
            throw new IllegalArgumentException("duration must be at least 500 ms, was " + duration);
        }
    }

    /** Packets the stream sends in the whole run. */
    public long totalPackets() {
        return Math.max(2, duration.toNanos() * packetsPerSecond / 1_000_000_000L);
    }

    /**
     * Packets sent before the measured window opens: a fifth of the run, at most 2 s, so the
     * relay's caches and the receivers' JIT are warm when the CPU is counted.
     */
    public long warmUpPackets() {
        long fifth = totalPackets() / 5;
        return Math.max(1, Math.min(fifth, 2L * packetsPerSecond));
    }
}
