package io.parley.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.wire.rtcp.RtcpHeader;
import io.parley.wire.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardingTest {
    private static final long AUDIO_SSRC = 0x1111_1111L;
    private static final long VIDEO_SSRC = 0x2222_2222L;

    private final ManualClock clock = new ManualClock();
    private final FakeLeg publisher = new FakeLeg();
    private final PublishedStream stream = new PublishedStream(StreamConfig.defaults(0x5F0_0001L),
            List.of(new PublishedTrackConfig(Codec.OPUS, Media.OPUS_PT), new PublishedTrackConfig(Codec.VP8, Media.VP8_PT)),
            publisher, clock);

    private void send(byte[] packet) {
        stream.receiveRtp(packet, 0, packet.length);
    }

    @Test
    void onePublisherToManyPlayersWithTheirOwnSsrcAndContinuousSequenceNumbers() {
        List<FakeLeg> legs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            FakeLeg leg = new FakeLeg();
            legs.add(leg);
            stream.play(leg, PlayerTrackConfig.of(0xA000 + i, 100 + i), null);
        }
        for (int seq = 65_530; seq < 65_550; seq++) {
            send(Media.opus(AUDIO_SSRC, seq, 960L * seq));
        }
        Set<Long> ssrcs = new HashSet<>();
        for (int i = 0; i < legs.size(); i++) {
            List<RtpPacket> got = legs.get(i).packets();
            assertThat(got).hasSize(20);
            ssrcs.add(got.get(0).ssrc());
            for (int k = 0; k < got.size(); k++) {
                RtpPacket p = got.get(k);
                assertThat(p.ssrc()).isEqualTo(0xA000 + i);
                assertThat(p.payloadType()).isEqualTo(100 + i);
                assertThat(p.sequenceNumber()).isEqualTo((got.get(0).sequenceNumber() + k) & 0xFFFF);
                assertThat(p.timestamp()).isEqualTo((got.get(0).timestamp() + 960L * k) & 0xFFFF_FFFFL);
                assertThat(p.buffer()[p.payloadOffset() + 4]).isEqualTo((byte) (65_530 + k));
            }
        }
        assertThat(ssrcs).hasSize(5);
        assertThat(stream.counters().packetsReceived()).isEqualTo(20);
    }

    @Test
    void aPlayerJoiningMidStreamAsksForAKeyframeAtOnceAndStartsAtIt() {
        FakeLeg early = new FakeLeg();
        stream.play(early, null, PlayerTrackConfig.of(0xB001, Media.VP8_PT));
        send(Media.vp8(VIDEO_SSRC, 10, 3000, true));
        send(Media.vp8(VIDEO_SSRC, 11, 6000, false));
        publisher.clear();
        clock.advanceMillis(2000);

        FakeLeg late = new FakeLeg();
        Player player = stream.play(late, null, PlayerTrackConfig.of(0xB002, Media.VP8_PT));
        assertThat(publisher.rtcp(RtcpHeader.PT_PSFB, 1)).hasSize(1);
        send(Media.vp8(VIDEO_SSRC, 12, 9000, false));
        send(Media.vp8(VIDEO_SSRC, 13, 12000, false));
        send(Media.vp8(VIDEO_SSRC, 14, 15000, true));
        send(Media.vp8(VIDEO_SSRC, 15, 18000, false));

        assertThat(late.packets()).hasSize(2);
        RtpPacket first = late.packets().get(0);
        assertThat(first.buffer()[first.payloadOffset() + 1] & 1).as("P bit of a keyframe").isZero();
        assertThat(late.packets().get(1).sequenceNumber()).isEqualTo((first.sequenceNumber() + 1) & 0xFFFF);
        assertThat(player.counters().droppedBeforeKeyframe()).isEqualTo(2);
        assertThat(early.packets()).hasSize(6);
    }

    @Test
    void aPublisherThatOnlyTakesFirGetsAFirWithAnAdvancingSequenceNumber() {
        FakeLeg leg = new FakeLeg();
        PublishedStream firOnly = new PublishedStream(StreamConfig.defaults(1).withFirOnly(true),
                List.of(new PublishedTrackConfig(Codec.VP8, Media.VP8_PT)), leg, clock);
        byte[] p = Media.vp8(VIDEO_SSRC, 1, 0, false);
        firOnly.receiveRtp(p, 0, p.length);
        firOnly.play(new FakeLeg(), PlayerTrackConfig.of(5, Media.VP8_PT));
        clock.advanceMillis(600);
        firOnly.play(new FakeLeg(), PlayerTrackConfig.of(6, Media.VP8_PT));

        List<byte[]> firs = leg.rtcp(RtcpHeader.PT_PSFB, 4);
        // The first source asks at once, the first play is merged into it, the second play 600 ms later asks again.
        assertThat(firs).hasSize(2);
        assertThat(leg.rtcp(RtcpHeader.PT_PSFB, 1)).isEmpty();
        // FCI entry: SSRC at byte 12, command sequence number at byte 16.
        assertThat(firs.get(0)).containsSubsequence((byte) 0x22, (byte) 0x22, (byte) 0x22, (byte) 0x22);
        assertThat(firs.get(1)[16]).isEqualTo((byte) (firs.get(0)[16] + 1));
        assertThat(firOnly.counters().firsSent()).isEqualTo(2);
    }

    @Test
    void aSourceRestartWithANewSsrcContinuesTheSequenceNumbersAndTimestampsPlayersSee() {
        FakeLeg leg = new FakeLeg();
        stream.play(leg, PlayerTrackConfig.of(0xC001, Media.OPUS_PT), PlayerTrackConfig.of(0xC002, Media.VP8_PT));
        for (int i = 0; i < 3; i++) {
            send(Media.opus(AUDIO_SSRC, 100 + i, 48_000 + 960L * i));
            send(Media.vp8(VIDEO_SSRC, 500 + i, 90_000 + 3000L * i, i == 0));
            clock.advanceMillis(20);
        }
        clock.advanceMillis(480);
        publisher.clear();
        send(Media.opus(0x3333_3333L, 9000, 7_777_777));
        send(Media.vp8(0x4444_4444L, 40_000, 1_234_567, false));
        assertThat(publisher.rtcp(RtcpHeader.PT_PSFB, 1)).as("a new video source is asked for a keyframe").hasSize(1);
        send(Media.vp8(0x4444_4444L, 40_001, 1_237_567, true));

        List<RtpPacket> audio = new ArrayList<>();
        List<RtpPacket> video = new ArrayList<>();
        for (RtpPacket p : leg.packets()) {
            (p.ssrc() == 0xC001 ? audio : video).add(p);
        }
        assertThat(audio).hasSize(4);
        assertThat(audio.get(3).sequenceNumber()).isEqualTo((audio.get(2).sequenceNumber() + 1) & 0xFFFF);
        // 500 ms after the last packet, at 48 kHz.
        assertThat(audio.get(3).timestamp()).isEqualTo((audio.get(2).timestamp() + 24_000) & 0xFFFF_FFFFL);
        assertThat(video).hasSize(4);
        assertThat(video.get(3).sequenceNumber()).isEqualTo((video.get(2).sequenceNumber() + 1) & 0xFFFF);
        assertThat(video.get(3).timestamp()).isEqualTo((video.get(2).timestamp() + 500 * 90) & 0xFFFF_FFFFL);
        assertThat(stream.counters().sourceChanges()).isEqualTo(2);
    }

    @Test
    void aPlayerWhoseLegThrowsDoesNotAffectTheOthers() {
        FakeLeg broken = new FakeLeg();
        broken.failing = true;
        FakeLeg healthy = new FakeLeg();
        Player bad = stream.play(broken, PlayerTrackConfig.of(1, Media.OPUS_PT), null);
        Player good = stream.play(healthy, PlayerTrackConfig.of(2, Media.OPUS_PT), null);
        for (int seq = 0; seq < 10; seq++) {
            send(Media.opus(AUDIO_SSRC, seq, 960L * seq));
        }
        assertThat(healthy.packets()).hasSize(10);
        assertThat(good.counters().packetsSent()).isEqualTo(10);
        assertThat(bad.counters().sendErrors()).isEqualTo(10);
        assertThat(bad.counters().packetsSent()).isZero();
    }

    @Test
    void aStoppedPlayerReceivesNothingMore() {
        FakeLeg leg = new FakeLeg();
        Player player = stream.play(leg, PlayerTrackConfig.of(1, Media.OPUS_PT), null);
        send(Media.opus(AUDIO_SSRC, 1, 960));
        stream.stop(player);
        send(Media.opus(AUDIO_SSRC, 2, 1920));
        byte[] nack = new byte[16];
        int len = io.parley.wire.rtcp.GenericNack.write(nack, 0, 9, 1, new int[] {leg.last().sequenceNumber()}, 1);
        stream.receivePlayerRtcp(player, nack, 0, len);
        assertThat(leg.packets()).hasSize(1);
        assertThat(player.counters().nacksReceived()).isZero();
    }

    @Test
    void forwardingGoesOnPastTheWrapOfTheSourceAndOfThePlayersNumbering() {
        FakeLeg leg = new FakeLeg();
        Player player = stream.play(leg, PlayerTrackConfig.of(1, Media.OPUS_PT), null);
        for (int seq = 0; seq < 70_000; seq++) {
            send(Media.opus(AUDIO_SSRC, seq, 960L * seq));
        }
        assertThat(player.counters().packetsSent()).isEqualTo(70_000);
        assertThat(leg.packets().get(69_999).sequenceNumber())
                .isEqualTo((leg.packets().get(0).sequenceNumber() + 69_999) & 0xFFFF);
    }

    @Test
    void malformedAndUnknownPacketsFromThePublisherAreDroppedAndCounted() {
        FakeLeg leg = new FakeLeg();
        stream.play(leg, PlayerTrackConfig.of(1, Media.OPUS_PT), null);
        byte[] good = Media.opus(AUDIO_SSRC, 1, 960);
        byte[] version1 = good.clone();
        version1[0] = (byte) 0x40;
        send(version1);
        stream.receiveRtp(good, 0, 11);
        send(Media.packet(new io.parley.wire.rtp.RtpHeaderWriter().ssrc(9).payloadType(50), new byte[] {1}));
        stream.receiveRtcp(new byte[] {(byte) 0x80, (byte) 200, 0, 50}, 0, 4);
        send(good);
        send(good);

        assertThat(stream.counters().malformedRtp()).isEqualTo(2);
        assertThat(stream.counters().unknownSource()).isEqualTo(1);
        assertThat(stream.counters().malformedRtcp()).isEqualTo(1);
        assertThat(stream.counters().duplicates()).isEqualTo(1);
        assertThat(leg.packets()).hasSize(1);
    }

    @Test
    void aJumpInTheNumberingOfTheSameSsrcIsARestartThePlayersDoNotSee() {
        FakeLeg leg = new FakeLeg();
        stream.play(leg, PlayerTrackConfig.of(1, Media.OPUS_PT), null);
        send(Media.opus(AUDIO_SSRC, 100, 960));
        send(Media.opus(AUDIO_SSRC, 101, 1920));
        clock.advanceMillis(20);
        send(Media.opus(AUDIO_SSRC, 30_000, 555_555));
        send(Media.opus(AUDIO_SSRC, 30_001, 556_515));

        List<RtpPacket> got = leg.packets();
        for (int k = 1; k < got.size(); k++) {
            assertThat(got.get(k).sequenceNumber()).isEqualTo((got.get(0).sequenceNumber() + k) & 0xFFFF);
        }
        assertThat(got.get(2).timestamp()).isEqualTo((got.get(1).timestamp() + 960) & 0xFFFF_FFFFL);
        assertThat(publisher.rtcp).as("no NACK for 29,898 numbers").isEmpty();
        assertThat(stream.counters().sourceChanges()).isEqualTo(1);
    }

    @Test
    void anH264PlayerStartsAtTheFirstFragmentOfAnIdr() {
        FakeLeg leg = new FakeLeg();
        PublishedStream h264 = new PublishedStream(StreamConfig.defaults(1),
                List.of(new PublishedTrackConfig(Codec.H264, 102)), publisher, clock);
        h264.play(leg, PlayerTrackConfig.of(7, 102));
        byte[][] packets = {
            h264Packet(1, new byte[] {0x41, 1, 2}),                      // non-IDR slice
            h264Packet(2, new byte[] {0x7C, (byte) 0x85, 1, 2}),          // FU-A, start of an IDR
            h264Packet(3, new byte[] {0x7C, 0x45, 3, 4}),                 // FU-A, end of the IDR
            h264Packet(4, new byte[] {0x41, 5, 6}),
        };
        for (byte[] p : packets) {
            h264.receiveRtp(p, 0, p.length);
        }
        assertThat(leg.packets()).extracting(p -> p.buffer()[p.payloadOffset() + 1])
                .containsExactly((byte) 0x85, (byte) 0x45, (byte) 5);
        assertThat(h264.counters().keyframes()).isEqualTo(1);
    }

    private static byte[] h264Packet(int seq, byte[] payload) {
        return Media.packet(new io.parley.wire.rtp.RtpHeaderWriter().ssrc(VIDEO_SSRC).payloadType(102)
                .sequenceNumber(seq).timestamp(3000L * (seq / 2)), payload);
    }
}
