package io.parley.bench.sfu;

import io.parley.sfu.Codec;
import io.parley.sfu.Leg;
import io.parley.sfu.MediaClock;
import io.parley.sfu.Player;
import io.parley.sfu.PlayerTrackConfig;
import io.parley.sfu.PublishedStream;
import io.parley.sfu.PublishedTrackConfig;
import io.parley.sfu.StreamConfig;
import io.parley.wire.Bytes;
import io.parley.wire.rtcp.GenericNack;
import io.parley.wire.rtp.RtpHeaderWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A player's generic NACK (RFC 4585 §6.2.1) naming 17 lost packets, answered from the track's
 * cache as RTX (RFC 4588 §4): parse the compound and the NACK, map each outgoing sequence number
 * back to the source's, find it in the cache, write the RTX header and OSN, copy the payload and
 * hand it to the leg. The clock stands still so the cached packets never age out. Run with
 * {@code -prof gc} to see that none of it allocates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NackAnswerBenchmark {
    private static final int VP8 = 96;
    private static final long PLAYER_SSRC = 0x1000;

    private PublishedStream stream;
    private Player player;
    private final byte[] nack = new byte[64];
    private int nackLength;

    @Setup
    public void publishPlayAndLose(Blackhole blackhole) {
        MediaClock still = new MediaClock() {
            @Override
            public long nanoTime() {
                return 1_000_000_000L;
            }

            @Override
            public long wallNanos() {
                return 1_795_000_000_000_000_000L;
            }
        };
        stream = new PublishedStream(StreamConfig.defaults(1), List.of(new PublishedTrackConfig(Codec.VP8, VP8)),
                new FanOutBenchmark.ConsumingLeg(blackhole), still);
        int[] lastSent = new int[1];
        player = stream.play(new Leg() {
            @Override
            public void sendRtp(byte[] b, int off, int len) {
                lastSent[0] = Bytes.u16(b, off + 2);
                blackhole.consume(b[off + len - 1]);
            }

            @Override
            public void sendRtcp(byte[] b, int off, int len) {
                blackhole.consume(len);
            }
        }, PlayerTrackConfig.of(PLAYER_SSRC, 100).withRtx(0x1001, 101));
        byte[] packet = new byte[1500];
        for (int seq = 1; seq <= 100; seq++) {
            int length = new RtpHeaderWriter().payloadType(VP8).sequenceNumber(seq).timestamp(3000L * seq)
                    .ssrc(0x12345678L).writeTo(packet, 0);
            packet[length] = 0x10;
            packet[length + 1] = (byte) (seq == 1 ? 0x00 : 0x01);
            stream.receiveRtp(packet, 0, length + 1200);
        }
        int[] lost = new int[17];
        for (int i = 0; i < lost.length; i++) {
            lost[i] = (lastSent[0] - 30 + i) & 0xFFFF;
        }
        nackLength = GenericNack.write(nack, 0, 0xFEED, PLAYER_SSRC, lost, lost.length);
    }

    /** One NACK (a PID and a full BLP) from the player, answered with 17 RTX packets. */
    @Benchmark
    public void answerNackFromCache() {
        stream.receivePlayerRtcp(player, nack, 0, nackLength);
    }

    /** How many packets the player has been resent, so the benchmark can be checked to do its work. */
    public long retransmitted() {
        return player.counters().retransmitted();
    }
}
