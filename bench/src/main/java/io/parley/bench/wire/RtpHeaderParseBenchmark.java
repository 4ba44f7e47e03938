package io.parley.bench.wire;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;
import io.parley.wire.rtp.RtpHeaderWriter;
import io.parley.wire.rtp.RtpPacket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-packet header work of the SFU's receive and forward path (RFC 3550 §5.1, RFC 8285):
 * parse a video packet carrying abs-send-time, transport-wide-cc and mid, find the
 * transport-wide sequence number, and rewrite SSRC, sequence number and timestamp in place for
 * a player. Run with {@code -prof gc} to see that none of it allocates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RtpHeaderParseBenchmark {
    private static final int ABS_SEND_TIME = 2;
    private static final int TRANSPORT_WIDE_CC = 3;
    private static final int MID = 4;

    private final RtpPacket view = new RtpPacket();
    private byte[] packet;
    private int length;
    private int sequence;

    @Setup
    public void writePacket() throws WireFormatException {
        packet = new byte[1500];
        byte[] values = {0x12, 0x34, 0x56, 0x00, 0x2a, '0'};
        length = new RtpHeaderWriter().marker(true).payloadType(96).sequenceNumber(4711).timestamp(90_000)
                .ssrc(0x12345678L)
                .extension(ABS_SEND_TIME, values, 0, 3)
                .extension(TRANSPORT_WIDE_CC, values, 3, 2)
                .extension(MID, values, 5, 1)
                .writeTo(packet, 0);
        length += 1200;
        view.wrap(packet, 0, length);
    }

    /** Parse and validate the header and its three extensions, then read the transport-wide sequence number. */
    @Benchmark
    public int parseAndFindTransportWideCc() throws WireFormatException {
        RtpPacket p = view.wrap(packet, 0, length);
        long found = p.findExtension(TRANSPORT_WIDE_CC);
        return Bytes.u16(packet, RtpPacket.valueOffset(found)) + p.payloadLength();
    }

    /** Rewrite SSRC, sequence number and timestamp of an already parsed packet, as per player. */
    @Benchmark
    public long rewriteSsrcSequenceTimestamp() {
        int s = ++sequence;
        view.setSsrc(0xcafebabeL + s);
        view.setSequenceNumber(s);
        view.setTimestamp(3000L * s);
        return view.timestamp();
    }

    /** Rewrite the transport-wide sequence number extension in place, as on every forwarded packet. */
    @Benchmark
    public boolean rewriteTransportWideCc() {
        return view.rewriteExtension(TRANSPORT_WIDE_CC, ++sequence);
    }
}
