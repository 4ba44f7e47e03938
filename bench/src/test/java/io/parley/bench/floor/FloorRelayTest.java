package io.parley.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole floor run at a low rate: the relay is built and started, three players receive every
 * packet, each packet's GCM tag verifies with the player's key in javax.crypto, the SSRC and
 * sequence number are rewritten per player, and the result's figures agree with each other.
 */
class FloorRelayTest {
    private static final int PLAYERS = 3;
    private static final int RATE = 200;
    private static final int PAYLOAD = 200;

    /** What one player saw, verified on the receive thread. */
    private static final class Seen {
        long verified;
        long roc;
        int lastSequence = -1;
        long lastNumber = -1;
    }

    @Test
    @Timeout(120) // a fresh machine may first install libssl-dev
    void three_players_receive_every_packet_protected_with_their_own_key() {
        FloorLoad load = new FloorLoad(PLAYERS, RATE, PAYLOAD, Duration.ofSeconds(2));
        Map<FloorPlayer, Seen> seen = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());

        FloorResult r = FloorRelay.run(load, (player, packet, length) -> {
            Seen s = seen.computeIfAbsent(player, p -> new Seen());
            try {
                check(player, s, packet, length);
            } catch (Exception | AssertionError e) {
                failures.add(player + ": " + e);
            }
        });

        assertThat(failures).isEmpty();
        assertThat(seen).hasSize(PLAYERS);
        long total = load.totalPackets();
        for (Seen s : seen.values()) {
            assertThat(s.verified).as("packets verified by one player").isEqualTo(total);
        }
        long window = total - load.warmUpPackets();
        assertThat(r.packetsIn()).isEqualTo(window);
        assertThat(r.forwardedPackets()).isEqualTo(window * PLAYERS);
        assertThat(r.cpuSeconds()).isPositive();
        assertThat(r.cpuNanosPerForwardedPacket()).isCloseTo(r.cpuSeconds() * 1e9 / r.forwardedPackets(), org.assertj.core.data.Percentage.withPercentage(1e-6));
        assertThat(r.delayP50Micros()).isPositive();
        assertThat(r.delayP99Micros()).isGreaterThanOrEqualTo(r.delayP50Micros());
        assertThat(r.delayMaxMicros()).isGreaterThanOrEqualTo(r.delayP99Micros());
        assertThat(r.lossRatio()).isZero();
    }

    private static void check(FloorPlayer player, Seen s, byte[] packet, int length) throws Exception {
        assertThat(length).isEqualTo(12 + PAYLOAD + 16);
        int sequence = ByteBuffer.wrap(packet, 2, 2).getShort() & 0xffff;
        if (s.lastSequence >= 0 && sequence < s.lastSequence - 0x8000) {
            s.roc++; // RFC 3711 section 3.3.1: the sequence number wrapped
        }
        s.lastSequence = sequence;
        byte[] payload = SrtpGcmCheck.unprotect(player.key(), player.salt(), s.roc, packet, length);
        ByteBuffer p = ByteBuffer.wrap(payload);
        long sentAt = p.getLong();
        long number = p.getLong();
        assertThat(sentAt).isLessThanOrEqualTo(System.nanoTime());
        assertThat(number).as("packets arrive once and in order on loopback").isEqualTo(s.lastNumber + 1);
        s.lastNumber = number;
        assertThat(ByteBuffer.wrap(packet, 8, 4).getInt() & 0xffff_ffffL).as("SSRC rewritten").isEqualTo(player.ssrc());
        assertThat(sequence).as("sequence rewritten").isEqualTo((int) ((number + player.sequenceOffset()) & 0xffff));
        assertThat(packet[1] & 0x7f).isEqualTo(FloorSender.PAYLOAD_TYPE);
        s.verified++;
    }
}
