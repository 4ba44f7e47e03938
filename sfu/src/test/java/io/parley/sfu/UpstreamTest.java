package io.parley.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;
import io.parley.wire.rtcp.GenericNack;
import io.parley.wire.rtcp.ReceiverEstimatedMaxBitrate;
import io.parley.wire.rtcp.ReceiverReport;
import io.parley.wire.rtcp.ReportBlock;
import io.parley.wire.rtcp.RtcpCompound;
import io.parley.wire.rtcp.RtcpHeader;
import io.parley.wire.rtcp.SenderReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RTCP toward the publisher: NACKs for upstream loss, receiver reports and REMB. */
class UpstreamTest {
    private static final long AUDIO_SSRC = 0x1111_1111L;
    private static final long VIDEO_SSRC = 0x2222_2222L;
    private static final long SFU_SSRC = 0x5F0_0001L;

    private final ManualClock clock = new ManualClock();
    private final FakeLeg publisher = new FakeLeg();
    private final PublishedStream stream = new PublishedStream(StreamConfig.defaults(SFU_SSRC),
            List.of(new PublishedTrackConfig(Codec.OPUS, Media.OPUS_PT), new PublishedTrackConfig(Codec.VP8, Media.VP8_PT)),
            publisher, clock);

    private void send(byte[] packet) {
        stream.receiveRtp(packet, 0, packet.length);
    }

    private static List<Integer> lost(byte[] nack) throws WireFormatException {
        GenericNack view = new GenericNack();
        view.wrap(nack, 0, nack.length);
        List<Integer> out = new ArrayList<>();
        for (int seq = view.nextLost(); seq >= 0; seq = view.nextLost()) {
            out.add(seq);
        }
        return out;
    }

    @Test
    void aGapUpstreamIsNackedAtOnceThenRetriedAFixedNumberOfTimes() throws WireFormatException {
        send(Media.opus(AUDIO_SSRC, 65_534, 0));
        send(Media.opus(AUDIO_SSRC, 65_535, 960));
        send(Media.opus(AUDIO_SSRC, 3, 4800));

        List<byte[]> nacks = publisher.rtcp(RtcpHeader.PT_RTPFB, GenericNack.FMT);
        assertThat(nacks).hasSize(1);
        assertThat(lost(nacks.get(0))).containsExactly(0, 1, 2);
        assertThat(Bytes.u32(nacks.get(0), 4)).isEqualTo(SFU_SSRC);
        assertThat(Bytes.u32(nacks.get(0), 8)).isEqualTo(AUDIO_SSRC);

        send(Media.opus(AUDIO_SSRC, 1, 1920));
        for (int i = 0; i < 10; i++) {
            clock.advanceMillis(100);
            stream.tick();
        }
        nacks = publisher.rtcp(RtcpHeader.PT_RTPFB, GenericNack.FMT);
        assertThat(nacks).as("the first and two retries of the default three").hasSize(3);
        assertThat(lost(nacks.get(2))).containsExactly(0, 2);
        assertThat(stream.counters().lostUpstream()).isEqualTo(3);
        assertThat(stream.counters().recovered()).isEqualTo(1);
        assertThat(stream.counters().nacksGivenUp()).isEqualTo(2);
        assertThat(stream.counters().nackedPackets()).isEqualTo(7);
    }

    @Test
    void aRetransmittedPacketIsForwardedAndAnsweredNoMore() {
        FakeLeg leg = new FakeLeg();
        stream.play(leg, PlayerTrackConfig.of(1, Media.OPUS_PT), null);
        send(Media.opus(AUDIO_SSRC, 10, 0));
        send(Media.opus(AUDIO_SSRC, 12, 1920));
        send(Media.opus(AUDIO_SSRC, 11, 960));
        clock.advanceMillis(500);
        stream.tick();
        assertThat(publisher.rtcp(RtcpHeader.PT_RTPFB, GenericNack.FMT)).hasSize(1);
        assertThat(leg.packets()).extracting(p -> p.buffer()[p.payloadOffset() + 4]).containsExactly((byte) 10, (byte) 12, (byte) 11);
        assertThat(leg.packets().get(2).sequenceNumber()).isEqualTo((leg.packets().get(0).sequenceNumber() + 1) & 0xFFFF);
    }

    @Test
    void aRetransmissionTheSfuAskedForOnThePublishersRtxStreamFillsTheGap() {
        FakeLeg rtxPublisher = new FakeLeg();
        PublishedStream rtxStream = new PublishedStream(StreamConfig.defaults(SFU_SSRC),
                List.of(new PublishedTrackConfig(Codec.VP8, Media.VP8_PT, 97)), rtxPublisher, clock);
        FakeLeg leg = new FakeLeg();
        rtxStream.play(leg, PlayerTrackConfig.of(0xA, Media.VP8_PT));
        for (int seq : new int[] {10, 11, 13}) {
            byte[] p = Media.vp8(VIDEO_SSRC, seq, 3000L * seq, seq == 10);
            rtxStream.receiveRtp(p, 0, p.length);
        }
        assertThat(rtxPublisher.rtcp(RtcpHeader.PT_RTPFB, GenericNack.FMT)).hasSize(1);
        byte[] original = Media.vp8(VIDEO_SSRC, 12, 36_000, false);
        // RFC 4588 §4: the RTX header (own SSRC, PT and sequence), then the OSN, then the original payload.
        byte[] rtx = Media.packet(new io.parley.wire.rtp.RtpHeaderWriter().ssrc(0x7777).payloadType(97)
                .sequenceNumber(500).timestamp(36_000), new byte[] {0, 12, 0x10, 0x01, 7, 7, 12});
        rtxStream.receiveRtp(rtx, 0, rtx.length);
        byte[] probe = Media.packet(new io.parley.wire.rtp.RtpHeaderWriter().ssrc(0x7777).payloadType(97)
                .sequenceNumber(501), new byte[0]);
        rtxStream.receiveRtp(probe, 0, probe.length);

        assertThat(leg.packets()).hasSize(4);
        io.parley.wire.rtp.RtpPacket resent = leg.last();
        assertThat(resent.sequenceNumber()).isEqualTo((leg.packets().get(0).sequenceNumber() + 2) & 0xFFFF);
        assertThat(resent.ssrc()).isEqualTo(0xA);
        assertThat(resent.payloadLength()).isEqualTo(original.length - 12);
        assertThat(resent.buffer()[resent.payloadOffset() + 4]).isEqualTo((byte) 12);
        assertThat(rtxStream.counters().recovered()).isEqualTo(1);
        assertThat(rtxStream.counters().rtxReceived()).isEqualTo(1);
        assertThat(rtxStream.counters().rtxWithoutOriginal()).isEqualTo(1);
        assertThat(rtxStream.counters().unknownSource()).isZero();
    }

    @Test
    void theReceiverReportHasABlockPerTrackWithLossAndTheLastSenderReportEchoed() throws WireFormatException {
        for (int seq = 0; seq < 10; seq++) {
            if (seq != 4 && seq != 5) {
                send(Media.opus(AUDIO_SSRC, seq, 960L * seq));
            }
            send(Media.vp8(VIDEO_SSRC, 100 + seq, 3000L * seq, seq == 0));
        }
        byte[] sr = new byte[28];
        long ntp = 0xE000_1234_5678_0000L;
        SenderReport.write(sr, 0, AUDIO_SSRC, ntp, 9600, 8, 40, 0);
        stream.receiveRtcp(sr, 0, sr.length);
        clock.advanceMillis(500);
        stream.tick();
        clock.advanceMillis(500);
        publisher.clear();
        stream.tick();

        assertThat(publisher.rtcp(RtcpHeader.PT_RR, -1)).hasSize(1);
        byte[] report = publisher.rtcp(RtcpHeader.PT_RR, -1).get(0);
        ReceiverReport rr = new ReceiverReport();
        rr.wrap(report, 0, RtcpHeader.packetLength(report, 0));
        assertThat(rr.ssrc()).isEqualTo(SFU_SSRC);
        assertThat(rr.reportCount()).isEqualTo(2);
        ReportBlock audio = rr.reportBlock(0, new ReportBlock());
        assertThat(audio.ssrc()).isEqualTo(AUDIO_SSRC);
        assertThat(audio.cumulativeLost()).isEqualTo(2);
        assertThat(audio.fractionLost()).isEqualTo(2 * 256 / 9);
        assertThat(audio.extendedHighestSequence()).isEqualTo(9);
        assertThat(audio.lastSenderReport()).isEqualTo(0x1234_5678L);
        assertThat(audio.delaySinceLastSenderReport()).isEqualTo(65_536L);
        ReportBlock video = rr.reportBlock(1, new ReportBlock());
        assertThat(video.ssrc()).isEqualTo(VIDEO_SSRC);
        assertThat(video.cumulativeLost()).isZero();
        assertThat(video.lastSenderReport()).isZero();
        assertThat(stream.counters().receiverReportsSent()).isEqualTo(1);
    }

    @Test
    void rembUpstreamIsTheLowestRecentPlayerEstimateClamped() throws WireFormatException {
        Player a = stream.play(new FakeLeg(), null, PlayerTrackConfig.of(0xA, Media.VP8_PT));
        Player b = stream.play(new FakeLeg(), null, PlayerTrackConfig.of(0xB, Media.VP8_PT));
        send(Media.vp8(VIDEO_SSRC, 1, 0, true));
        remb(a, 0xA, 800_000);
        remb(b, 0xB, 2_500_000);
        clock.advanceMillis(1000);
        stream.tick();
        assertThat(rembOf(lastReport())).isEqualTo(800_000);

        remb(a, 0xA, 1_000);
        clock.advanceMillis(1000);
        stream.tick();
        assertThat(rembOf(lastReport())).as("clamped to the minimum").isEqualTo(30_000);

        clock.advanceMillis(5000);
        remb(b, 0xB, 2_000_000);
        stream.tick();
        assertThat(rembOf(lastReport())).as("a's estimate is stale").isEqualTo(2_000_000);
        assertThat(stream.counters().rembsSent()).isEqualTo(3);
    }

    private byte[] lastReport() {
        return publisher.rtcp(RtcpHeader.PT_RR, -1).get(publisher.rtcp(RtcpHeader.PT_RR, -1).size() - 1);
    }

    private void remb(Player player, long ssrc, long bps) {
        byte[] b = new byte[64];
        int len = ReceiverEstimatedMaxBitrate.write(b, 0, 0xFEED, bps, new long[] {ssrc}, 1);
        stream.receivePlayerRtcp(player, b, 0, len);
    }

    private static long rembOf(byte[] compound) throws WireFormatException {
        RtcpCompound c = new RtcpCompound();
        c.wrap(compound, 0, compound.length);
        while (c.next()) {
            if (c.packetType() == RtcpHeader.PT_PSFB && c.count() == ReceiverEstimatedMaxBitrate.FMT) {
                ReceiverEstimatedMaxBitrate remb = new ReceiverEstimatedMaxBitrate();
                remb.wrap(compound, c.packetOffset(), c.packetLength());
                assertThat(remb.ssrc(0)).isEqualTo(VIDEO_SSRC);
                return remb.bitrate();
            }
        }
        return -1;
    }
}
