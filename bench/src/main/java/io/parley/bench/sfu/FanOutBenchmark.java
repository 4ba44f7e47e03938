package io.parley.bench.sfu;

import io.parley.sfu.Codec;
import io.parley.sfu.ExtensionMap;
import io.parley.sfu.Leg;
import io.parley.sfu.MediaClock;
import io.parley.sfu.PlayerTrackConfig;
import io.parley.sfu.PublishedStream;
import io.parley.sfu.PublishedTrackConfig;
import io.parley.sfu.StreamConfig;
import io.parley.wire.rtp.RtpHeaderWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The SFU's 1-to-N forwarding path (RFC 7667 §3.7) for one RTP packet: parse the publisher's
 * 1,232-byte VP8 packet, track its sequence number, cache it for retransmission, tell whether it
 * starts a keyframe, then for each player rewrite SSRC, payload type, sequence number, timestamp
 * and header extension IDs, write abs-send-time, copy the payload and hand it to the player's leg
 * (here one that only consumes it). Run with {@code -prof gc} to see that none of it allocates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FanOutBenchmark {
    private static final int VP8 = 96;

    @Param({"50"})
    public int players;

    private PublishedStream stream;
    private byte[] packet;
    private int length;
    private int sequence = 1;

    @Setup
    public void publishAndPlay(Blackhole blackhole) {
        stream = new PublishedStream(StreamConfig.defaults(1), List.of(new PublishedTrackConfig(Codec.VP8, VP8)),
                new ConsumingLeg(blackhole), MediaClock.SYSTEM);
        for (int i = 0; i < players; i++) {
            stream.play(new ConsumingLeg(blackhole), PlayerTrackConfig.of(0x1000 + i, 100 + i % 2)
                    .withExtensions(ExtensionMap.of(3, 5, 4, 9), 2));
        }
        packet = new byte[1500];
        length = startOnKeyframe(stream, packet, sequence);
    }

    /**
     * Writes the publisher's 1,232-byte VP8 packet into {@code packet} (PT 96, marker, extensions
     * 2, 3 and 4, 1,200 bytes of payload), has {@code stream} forward it as the first packet of a
     * keyframe so every player starts, and leaves it a delta frame's packet for the runs; returns its length.
     */
    static int startOnKeyframe(PublishedStream stream, byte[] packet, int sequence) {
        byte[] values = {0x12, 0x34, 0x56, 0x00, 0x2a, '0'};
        int length = new RtpHeaderWriter().marker(true).payloadType(VP8).sequenceNumber(sequence).timestamp(90_000)
                .ssrc(0x12345678L)
                .extension(2, values, 0, 3)
                .extension(3, values, 3, 2)
                .extension(4, values, 5, 1)
                .writeTo(packet, 0);
        // VP8 descriptor S=1 PID=0, then a keyframe's payload header: every player starts on the first packet.
        packet[length] = 0x10;
        packet[length + 1] = 0x00;
        length += 1200;
        stream.receiveRtp(packet, 0, length);
        packet[length - 1200 + 1] = 0x01;
        return length;
    }

    /** One packet from the publisher to every player. */
    @Benchmark
    public void forwardToEveryPlayer() {
        int s = ++sequence;
        packet[2] = (byte) (s >>> 8);
        packet[3] = (byte) s;
        stream.receiveRtp(packet, 0, length);
    }

    /** A leg that consumes the packet the way a transport would read it, and sends nothing. */
    public static final class ConsumingLeg implements Leg {
        private final Blackhole blackhole;

        public ConsumingLeg(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Override
        public void sendRtp(byte[] b, int off, int len) {
            blackhole.consume(b[off + len - 1]);
        }

        @Override
        public void sendRtcp(byte[] b, int off, int len) {
            blackhole.consume(len);
        }
    }
}
