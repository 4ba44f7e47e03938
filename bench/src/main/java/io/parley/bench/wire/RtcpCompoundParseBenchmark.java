package io.parley.bench.wire;

import io.parley.wire.WireFormatException;
import io.parley.wire.rtcp.GenericNack;
import io.parley.wire.rtcp.PictureLossIndication;
import io.parley.wire.rtcp.ReceiverEstimatedMaxBitrate;
import io.parley.wire.rtcp.ReceiverReport;
import io.parley.wire.rtcp.ReportBlock;
import io.parley.wire.rtcp.ReportPacket;
import io.parley.wire.rtcp.RtcpCompound;
import io.parley.wire.rtcp.RtcpHeader;
import io.parley.wire.rtcp.SdesWriter;
import io.parley.wire.rtcp.SenderReport;
import io.parley.wire.rtcp.SourceDescription;
import io.parley.wire.rtcp.TransportFeedback;
import io.parley.wire.rtcp.TransportFeedbackWriter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse of the RTCP datagrams an SFU receives most: a sender's SR+SDES, a receiver's
 * RR+NACK+PLI+REMB, and a transport-cc report of 100 packets. Each operation validates the whole
 * datagram and visits every field, as the RTCP termination will; it should allocate nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RtcpCompoundParseBenchmark {
    private final byte[] srSdes = new byte[1500];
    private final byte[] rrFeedback = new byte[1500];
    private final byte[] twcc = new byte[1500];
    private int srSdesLength;
    private int rrFeedbackLength;
    private int twccLength;

    private final RtcpCompound compound = new RtcpCompound();
    private final SenderReport sr = new SenderReport();
    private final ReceiverReport rr = new ReceiverReport();
    private final ReportBlock block = new ReportBlock();
    private final SourceDescription sdes = new SourceDescription();
    private final GenericNack nack = new GenericNack();
    private final PictureLossIndication pli = new PictureLossIndication();
    private final ReceiverEstimatedMaxBitrate remb = new ReceiverEstimatedMaxBitrate();
    private final TransportFeedback transportFeedback = new TransportFeedback();

    @Setup
    public void writeDatagrams() {
        int n = SenderReport.write(srSdes, 0, 0x11111111L, 0xe73a1b2c80000000L, 90_000, 1000, 1_200_000, 1);
        n += ReportBlock.write(srSdes, n, 0x22222222L, 3, 17, 70_000, 12, 0x3a1b2c80L, 65_536);
        n += new SdesWriter().start(srSdes, n).chunk(0x11111111L).item(SourceDescription.CNAME, "4f8d0c2a91be7e35").finish();
        srSdesLength = n;

        n = ReceiverReport.write(rrFeedback, 0, 0x33333333L, 1);
        n += ReportBlock.write(rrFeedback, n, 0x11111111L, 3, 17, 70_000, 12, 0x3a1b2c80L, 65_536);
        n += GenericNack.write(rrFeedback, n, 0x33333333L, 0x11111111L, new int[] {100, 101, 104, 130, 131, 160}, 6);
        n += PictureLossIndication.write(rrFeedback, n, 0x33333333L, 0x11111111L);
        n += ReceiverEstimatedMaxBitrate.write(rrFeedback, n, 0x33333333L, 2_500_000, new long[] {0x11111111L}, 1);
        rrFeedbackLength = n;

        int[] seqs = new int[100];
        long[] arrivals = new long[100];
        long time = 5_000_000;
        for (int i = 0, seq = 60_000; i < seqs.length; i++, seq++) {
            seq += i % 17 == 5 ? 2 : 0;
            time += i % 23 == 7 ? 80_000 : 1_000 + (i * 37 % 900);
            seqs[i] = seq;
            arrivals[i] = time;
        }
        twccLength = new TransportFeedbackWriter().write(twcc, 0, 0x33333333L, 0x11111111L, 7, seqs, arrivals, 100);
    }

    @Benchmark
    public long srSdes() throws WireFormatException {
        return visit(srSdes, srSdesLength);
    }

    @Benchmark
    public long rrNackPliRemb() throws WireFormatException {
        return visit(rrFeedback, rrFeedbackLength);
    }

    @Benchmark
    public long transportFeedback100() throws WireFormatException {
        return visit(twcc, twccLength);
    }

    private long visit(byte[] datagram, int length) throws WireFormatException {
        long sum = 0;
        compound.wrap(datagram, 0, length);
        while (compound.next()) {
            int at = compound.packetOffset();
            int size = compound.packetLength();
            switch (compound.packetType()) {
                case RtcpHeader.PT_SR -> {
                    sr.wrap(datagram, at, size);
                    sum += sr.ntpTimestamp() + sr.rtpTimestamp() + sr.packetCount() + sr.octetCount() + blocks(sr);
                }
                case RtcpHeader.PT_RR -> {
                    rr.wrap(datagram, at, size);
                    sum += blocks(rr);
                }
                case RtcpHeader.PT_SDES -> {
                    sdes.wrap(datagram, at, size);
                    while (sdes.nextChunk()) {
                        sum += sdes.chunkSsrc();
                        while (sdes.nextItem()) {
                            sum += sdes.itemType() + sdes.itemOffset() + sdes.itemLength();
                        }
                    }
                }
                case RtcpHeader.PT_RTPFB -> sum += transportLayer(datagram, at, size);
                case RtcpHeader.PT_PSFB -> sum += payloadSpecific(datagram, at, size);
                default -> sum += size;
            }
        }
        return sum;
    }

    private long transportLayer(byte[] datagram, int at, int size) throws WireFormatException {
        long sum = 0;
        if (compound.count() == GenericNack.FMT) {
            nack.wrap(datagram, at, size);
            sum += nack.senderSsrc() + nack.mediaSsrc();
            for (int seq = nack.nextLost(); seq >= 0; seq = nack.nextLost()) {
                sum += seq;
            }
        } else if (compound.count() == TransportFeedback.FMT) {
            transportFeedback.wrap(datagram, at, size);
            sum += transportFeedback.senderSsrc() + transportFeedback.mediaSsrc()
                    + transportFeedback.feedbackPacketCount();
            while (transportFeedback.next()) {
                sum += transportFeedback.sequenceNumber() + transportFeedback.status()
                        + transportFeedback.arrivalTimeMicros();
            }
        }
        return sum;
    }

    private long payloadSpecific(byte[] datagram, int at, int size) throws WireFormatException {
        if (compound.count() == PictureLossIndication.FMT) {
            pli.wrap(datagram, at, size);
            return pli.senderSsrc() + pli.mediaSsrc();
        }
        if (compound.count() == ReceiverEstimatedMaxBitrate.FMT) {
            remb.wrap(datagram, at, size);
            long sum = remb.senderSsrc() + remb.bitrate();
            for (int i = 0; i < remb.ssrcCount(); i++) {
                sum += remb.ssrc(i);
            }
            return sum;
        }
        return 0;
    }

    private long blocks(ReportPacket report) {
        long sum = report.ssrc();
        for (int i = 0; i < report.reportCount(); i++) {
            report.reportBlock(i, block);
            sum += block.ssrc() + block.fractionLost() + block.cumulativeLost() + block.extendedHighestSequence()
                    + block.jitter() + block.lastSenderReport() + block.delaySinceLastSenderReport();
        }
        return sum;
    }
}
