package io.parley.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;
import io.parley.wire.rtcp.RtcpHeader;
import io.parley.wire.rtcp.SenderReport;
import io.parley.wire.rtp.RtpHeaderWriter;
import io.parley.wire.rtp.RtpPacket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each player's stream carries besides the media: sender reports and its own header extensions. */
class SenderSideTest {
    private static final long AUDIO_SSRC = 0x1111_1111L;
    private static final long PLAYER_SSRC = 0xA0A0L;

    private final ManualClock clock = new ManualClock();
    private final FakeLeg publisher = new FakeLeg();
    private final PublishedStream stream = new PublishedStream(StreamConfig.defaults(7),
            List.of(new PublishedTrackConfig(Codec.OPUS, Media.OPUS_PT)), publisher, clock);

    private void send(byte[] packet) {
        stream.receiveRtp(packet, 0, packet.length);
    }

    private static SenderReport senderReport(byte[] b) throws WireFormatException {
        SenderReport sr = new SenderReport();
        sr.wrap(b, 0, b.length);
        return sr;
    }

    @Test
    void theSenderReportMapsThePublishersNtpTimeOntoThePlayersTimestamps() throws WireFormatException {
        FakeLeg leg = new FakeLeg();
        Player player = stream.play(leg, PlayerTrackConfig.of(PLAYER_SSRC, Media.OPUS_PT));
        for (int seq = 0; seq < 50; seq++) {
            send(Media.opus(AUDIO_SSRC, seq, 100_000 + 960L * seq));
            clock.advanceMillis(20);
        }
        long offset = leg.packets().get(0).timestamp() - 100_000;
        byte[] sr = new byte[28];
        long publisherNtp = NtpTime.fromUnixNanos(1_700_000_000_000_000_000L);
        SenderReport.write(sr, 0, AUDIO_SSRC, publisherNtp, 148_000, 50, 250, 0);
        stream.receiveRtcp(sr, 0, sr.length);
        clock.advanceMillis(250);
        stream.tick();

        List<byte[]> reports = leg.rtcp(RtcpHeader.PT_SR, -1);
        assertThat(reports).hasSize(1);
        SenderReport out = senderReport(reports.get(0));
        assertThat(out.ssrc()).isEqualTo(PLAYER_SSRC);
        assertThat(out.ntpTimestamp()).isEqualTo(publisherNtp + NtpTime.fromNanos(250 * ManualClock.MS));
        assertThat(out.rtpTimestamp()).isEqualTo((148_000 + 250 * 48 + offset) & 0xFFFF_FFFFL);
        assertThat(out.packetCount()).isEqualTo(50);
        assertThat(out.octetCount()).as("payload octets: 5 per packet").isEqualTo(250);
        assertThat(out.reportCount()).isZero();
        assertThat(player.counters().senderReportsSent()).isEqualTo(1);
        assertThat(player.counters().bitrateBps()).isPositive();
    }

    @Test
    void withoutAPublisherReportTheSenderReportExtrapolatesFromTheLastPacketOnTheWallClock() throws WireFormatException {
        FakeLeg leg = new FakeLeg();
        stream.play(leg, PlayerTrackConfig.of(PLAYER_SSRC, Media.OPUS_PT));
        stream.tick();
        clock.advanceMillis(1000);
        stream.tick();
        assertThat(leg.rtcp).as("no report before the first packet").isEmpty();

        send(Media.opus(AUDIO_SSRC, 1, 5000));
        clock.advanceMillis(1000);
        stream.tick();
        SenderReport out = senderReport(leg.rtcp(RtcpHeader.PT_SR, -1).get(0));
        assertThat(out.ntpTimestamp()).isEqualTo(NtpTime.fromUnixNanos(clock.wall));
        assertThat(out.rtpTimestamp()).isEqualTo((leg.last().timestamp() + 48_000) & 0xFFFF_FFFFL);
    }

    @Test
    void extensionsAreRenumberedOrDroppedAndAbsSendTimeIsWrittenAtSend() {
        FakeLeg leg = new FakeLeg();
        // Publisher: 1 audio level, 3 transport-wide-cc, 5 abs-send-time. Player: 1 -> 4, 5 -> 2, 3 not negotiated.
        stream.play(leg, PlayerTrackConfig.of(PLAYER_SSRC, Media.OPUS_PT).withExtensions(ExtensionMap.of(1, 4, 5, 2), 2));
        byte[] level = {(byte) 0x85};
        byte[] twcc = {0x12, 0x34};
        byte[] abs = {1, 2, 3};
        send(Media.packet(new RtpHeaderWriter().ssrc(AUDIO_SSRC).payloadType(Media.OPUS_PT).sequenceNumber(1)
                .extension(1, level, 0, 1).extension(3, twcc, 0, 2).extension(5, abs, 0, 3), new byte[] {9, 9}));

        RtpPacket out = leg.last();
        assertThat(out.findExtension(3)).isEqualTo(RtpPacket.NOT_FOUND);
        assertThat(out.findExtension(1)).isEqualTo(RtpPacket.NOT_FOUND);
        long found = out.findExtension(4);
        assertThat(out.buffer()[RtpPacket.valueOffset(found)]).isEqualTo((byte) 0x85);
        long absFound = out.findExtension(2);
        assertThat(RtpPacket.valueLength(absFound)).isEqualTo(3);
        assertThat(Bytes.u24(out.buffer(), RtpPacket.valueOffset(absFound))).isEqualTo(AbsSendTime.of(clock.nanos));
        assertThat(out.payloadLength()).isEqualTo(2);
    }

    @Test
    void anExtensionIdAboveFourteenTurnsThePlayersHeaderIntoTheTwoByteForm() {
        FakeLeg leg = new FakeLeg();
        stream.play(leg, PlayerTrackConfig.of(PLAYER_SSRC, Media.OPUS_PT).withExtensions(ExtensionMap.of(1, 20), 0));
        send(Media.packet(new RtpHeaderWriter().ssrc(AUDIO_SSRC).payloadType(Media.OPUS_PT).sequenceNumber(1)
                .extension(1, new byte[] {0x42}, 0, 1), new byte[] {9}));

        RtpPacket out = leg.last();
        assertThat(out.extensionProfile()).isEqualTo(0x1000);
        assertThat(out.buffer()[RtpPacket.valueOffset(out.findExtension(20))]).isEqualTo((byte) 0x42);
    }

    @Test
    void absSendTimeIsSixPointEighteenSecondsWrappingEvery64Seconds() {
        assertThat(AbsSendTime.of(0)).isZero();
        assertThat(AbsSendTime.of(1_500_000_000L)).isEqualTo(0x60000);
        assertThat(AbsSendTime.of(64_000_000_000L)).isZero();
        assertThat(AbsSendTime.of(-1_000_000_000L)).isEqualTo(63 << 18);
    }

    @Test
    void theNtpFormatCountsFrom1900() {
        assertThat(NtpTime.fromUnixNanos(0)).isEqualTo(2_208_988_800L << 32);
        assertThat(NtpTime.fromNanos(1_500_000_000L)).isEqualTo((1L << 32) + (1L << 31));
        assertThat(NtpTime.middle32(0x1122_3344_5566_7788L)).isEqualTo(0x3344_5566L);
        assertThat(NtpTime.toDlsr(500_000_000L)).isEqualTo(32_768);
    }
}
