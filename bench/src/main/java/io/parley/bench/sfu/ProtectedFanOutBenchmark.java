package io.parley.bench.sfu;

import io.parley.sfu.Codec;
import io.parley.sfu.ExtensionMap;
import io.parley.sfu.Leg;
import io.parley.sfu.MediaClock;
import io.parley.sfu.PlayerTrackConfig;
import io.parley.sfu.PublishedStream;
import io.parley.sfu.PublishedTrackConfig;
import io.parley.sfu.StreamConfig;
import io.parley.transport.srtp.SrtpKeys;
import io.parley.transport.srtp.SrtpProfile;
import io.parley.transport.srtp.SrtpSession;
import io.parley.transport.udp.UdpPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The server's whole send path for one published RTP packet fanned out to 50 players (RFC 7667
 * §3.7): the SFU parses the 1,232-byte VP8 packet, tracks and caches it, then per player rewrites
 * SSRC, payload type, sequence number, timestamp and extension IDs and writes abs-send-time; each
 * player's leg then does what {@code MediaTransport.sendRtp} does: copies the packet into the
 * thread's scratch array, SRTP-protects it with that player's own keys (RFC 3711 / RFC 7714), and
 * hands it to the shared {@link UdpPort}, whose epoll channel queues it and sends the batch with
 * {@code sendmmsg} on flush.
 *
 * <p>{@code protect} stops after SRTP (no socket: the CPU of our own code and the cipher).
 * {@code protectAndSend} runs on the port's event loop as the server does, 16 publisher packets per
 * task as one {@code recvmmsg} read would bring them, then the flush; the 50 destinations are
 * loopback sockets nobody reads, so the kernel drops at their full receive buffers (the sender's
 * cost is all there, the receiver's is not). Divide ns/op by 50 for the cost per player.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProtectedFanOutBenchmark {
    private static final int VP8 = 96;
    private static final int READ_BATCH = 16;
    private static final int SCRATCH = 1500 + 64;

    @Param({"AEAD_AES_128_GCM", "AES128_CM_HMAC_SHA1_80"})
    public SrtpProfile profile;

    @Param({"50"})
    public int players;

    private PublishedStream stream;
    private final List<SrtpSession> sessions = new ArrayList<>();
    private final List<DatagramChannel> sinks = new ArrayList<>();
    private final List<ProtectingLeg> legs = new ArrayList<>();
    private UdpPort port;
    private byte[] packet;
    private int length;
    private int sequence = 1;
    private Runnable readBatch;

    @Setup(Level.Trial)
    public void publishAndPlay(Blackhole blackhole) throws IOException {
        port = UdpPort.bind(new InetSocketAddress("127.0.0.1", 0), (b, off, len, from) -> { });
        stream = new PublishedStream(StreamConfig.defaults(1), List.of(new PublishedTrackConfig(Codec.VP8, VP8)),
                new FanOutBenchmark.ConsumingLeg(blackhole), MediaClock.SYSTEM);
        Random random = new Random(7);
        for (int i = 0; i < players; i++) {
            byte[] material = new byte[profile.keyingMaterialLength()];
            random.nextBytes(material);
            SrtpSession srtp = new SrtpSession(SrtpKeys.fromExporter(profile, material, false));
            sessions.add(srtp);
            DatagramChannel sink = DatagramChannel.open();
            sink.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            sink.bind(new InetSocketAddress("127.0.0.1", 0));
            sinks.add(sink);
            ProtectingLeg leg = new ProtectingLeg(srtp, port, (InetSocketAddress) sink.getLocalAddress(), blackhole);
            legs.add(leg);
            stream.play(leg, PlayerTrackConfig.of(0x1000 + i, 100 + i % 2).withExtensions(ExtensionMap.of(3, 5, 4, 9), 2));
        }
        packet = new byte[1500];
        length = FanOutBenchmark.startOnKeyframe(stream, packet, sequence);
        readBatch = () -> {
            for (int i = 0; i < READ_BATCH; i++) {
                forwardOne();
            }
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        for (ProtectingLeg leg : legs) {
            if (leg.failures > 0) {
                throw new IllegalStateException(leg.failures + " packets failed to protect");
            }
        }
        port.close();
        for (SrtpSession s : sessions) {
            s.close();
        }
        for (DatagramChannel c : sinks) {
            c.close();
        }
    }

    private void forwardOne() {
        int s = ++sequence;
        packet[2] = (byte) (s >>> 8);
        packet[3] = (byte) s;
        stream.receiveRtp(packet, 0, length);
    }

    /** Fan-out and SRTP for every player, the datagram left in the scratch array. */
    @Benchmark
    public void protect() {
        setSending(false);
        forwardOne();
    }

    /** Fan-out, SRTP and the port's queue and sendmmsg, on the event loop; one op is one publisher packet. */
    @Benchmark
    @OperationsPerInvocation(READ_BATCH)
    public void protectAndSend() throws InterruptedException, ExecutionException {
        setSending(true);
        port.eventLoop().submit(readBatch).get();
    }

    private void setSending(boolean send) {
        if (legs.get(0).send != send) {
            for (ProtectingLeg leg : legs) {
                leg.send = send;
            }
        }
    }

    /** What {@code MediaTransport.sendRtp} does for a connected transport, against a sink socket. */
    static final class ProtectingLeg implements Leg {
        private static final ThreadLocal<byte[]> SEND_SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH]);
        private final SrtpSession srtp;
        private final UdpPort port;
        private final InetSocketAddress to;
        private final Blackhole blackhole;
        volatile boolean send;
        long failures;

        ProtectingLeg(SrtpSession srtp, UdpPort port, InetSocketAddress to, Blackhole blackhole) {
            this.srtp = srtp;
            this.port = port;
            this.to = to;
            this.blackhole = blackhole;
        }

        @Override
        public void sendRtp(byte[] b, int off, int len) {
            byte[] out = SEND_SCRATCH.get();
            System.arraycopy(b, off, out, 0, len);
            int n = srtp.protectRtp(out, 0, len);
            if (n < 0) {
                failures++;
                return;
            }
            if (send) {
                port.send(to, out, 0, n);
            } else {
                blackhole.consume(out[n - 1]);
            }
        }

        @Override
        public void sendRtcp(byte[] b, int off, int len) {
            blackhole.consume(len);
        }
    }
}
