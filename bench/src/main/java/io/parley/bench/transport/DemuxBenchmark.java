package io.parley.bench.transport;

import io.parley.transport.udp.PacketRouter;
import io.parley.wire.stun.StunMessage;
import java.net.InetSocketAddress;
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
 * The receive-path demux of the shared port (RFC 7983 first-byte sorting, then the session by
 * source address) for an RTP packet among 1,000 registered sessions, and the drop of a datagram
 * from an unknown address.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DemuxBenchmark {
    private final PacketRouter router = new PacketRouter();
    private final byte[] rtp = new byte[1200];
    private InetSocketAddress known;
    private InetSocketAddress stranger;
    private Blackhole blackhole;

    /** A session that only consumes what it is given, so the benchmark measures the routing. */
    private final class Sink implements PacketRouter.Endpoint {
        @Override
        public void onStun(StunMessage msg, InetSocketAddress from) {
            blackhole.consume(msg);
        }

        @Override
        public void onDtls(byte[] buf, int off, int len, InetSocketAddress from) {
            blackhole.consume(len);
        }

        @Override
        public void onRtp(byte[] buf, int off, int len, InetSocketAddress from) {
            blackhole.consume(len);
        }

        @Override
        public void onRtcp(byte[] buf, int off, int len, InetSocketAddress from) {
            blackhole.consume(len);
        }
    }

    @Setup
    public void setUp(Blackhole bh) {
        blackhole = bh;
        for (int i = 0; i < 1000; i++) {
            router.registerAddress(new InetSocketAddress("127.0.0.1", 20000 + i), new Sink());
        }
        known = new InetSocketAddress("127.0.0.1", 20500);
        stranger = new InetSocketAddress("127.0.0.1", 19999);
        rtp[0] = (byte) 0x80;
        rtp[1] = 96;
    }

    @Benchmark
    public void rtpToKnownSession() {
        router.onDatagram(rtp, 0, rtp.length, known);
    }

    @Benchmark
    public void rtpFromUnknownAddressDropped() {
        router.onDatagram(rtp, 0, rtp.length, stranger);
    }
}
