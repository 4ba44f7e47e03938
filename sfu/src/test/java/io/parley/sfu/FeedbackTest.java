package io.parley.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;
import io.parley.wire.rtcp.GenericNack;
import io.parley.wire.rtcp.PictureLossIndication;
import io.parley.wire.rtcp.RtcpHeader;
import io.parley.wire.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RTCP from the players: NACKs answered from the cache, keyframe requests merged. */
class FeedbackTest {
    private static final long VIDEO_SSRC = 0x2222_2222L;
    private static final long PLAYER_SSRC = 0xB0B0L;

    private final ManualClock clock = new ManualClock();
    private final FakeLeg publisher = new FakeLeg();
    private final PublishedStream stream = new PublishedStream(StreamConfig.defaults(0x5F0_0001L).withCache(16, 1000 * ManualClock.MS),
            List.of(new PublishedTrackConfig(Codec.VP8, Media.VP8_PT)), publisher, clock);

    private void send(byte[] packet) {
        stream.receiveRtp(packet, 0, packet.length);
    }

    private void nack(Player player, long mediaSsrc, int... lost) {
        byte[] b = new byte[200];
        int len = GenericNack.write(b, 0, 0xFEED, mediaSsrc, lost, lost.length);
        stream.receivePlayerRtcp(player, b, 0, len);
    }

    private void pli(Player player, long mediaSsrc) {
        byte[] b = new byte[PictureLossIndication.SIZE];
        int len = PictureLossIndication.write(b, 0, 0xFEED, mediaSsrc);
        stream.receivePlayerRtcp(player, b, 0, len);
    }

    /** Sends a keyframe then {@code count - 1} deltas, 33 ms apart, from sequence number {@code first}. */
    private void video(int first, int count) {
        for (int i = 0; i < count; i++) {
            send(Media.vp8(VIDEO_SSRC, first + i, 3000L * (first + i), i == 0));
            clock.advanceMillis(33);
        }
    }

    @Test
    void aNackIsAnsweredFromTheCacheWithThePlayersNumbering() {
        FakeLeg leg = new FakeLeg();
        Player player = stream.play(leg, PlayerTrackConfig.of(PLAYER_SSRC, 98));
        video(100, 10);
        RtpPacket fifth = leg.packets().get(4);
        leg.clear();

        nack(player, PLAYER_SSRC, fifth.sequenceNumber());

        assertThat(leg.rtp).hasSize(1);
        RtpPacket resent = leg.last();
        assertThat(resent.ssrc()).isEqualTo(PLAYER_SSRC);
        assertThat(resent.payloadType()).isEqualTo(98);
        assertThat(resent.sequenceNumber()).isEqualTo(fifth.sequenceNumber());
        assertThat(resent.timestamp()).isEqualTo(fifth.timestamp());
        assertThat(resent.buffer()[resent.payloadOffset() + 4]).isEqualTo((byte) 104);
        assertThat(player.counters().retransmitted()).isEqualTo(1);
        assertThat(publisher.rtcp(RtcpHeader.PT_RTPFB, 1)).as("the NACK stops at the SFU").isEmpty();
    }

    @Test
    void aNackForAnEvictedOrTooOldOrNeverSentPacketIsNotAnswered() {
        FakeLeg leg = new FakeLeg();
        Player player = stream.play(leg, PlayerTrackConfig.of(PLAYER_SSRC, 98));
        video(100, 20);
        List<RtpPacket> sent = leg.packets();
        leg.clear();

        // The cache holds 16: the first four are overwritten.
        nack(player, PLAYER_SSRC, sent.get(0).sequenceNumber(), sent.get(3).sequenceNumber());
        // Not yet sent to this player.
        nack(player, PLAYER_SSRC, (sent.get(19).sequenceNumber() + 1) & 0xFFFF);
        // Another SSRC.
        nack(player, 0x999, sent.get(10).sequenceNumber());
        assertThat(leg.rtp).isEmpty();

        nack(player, PLAYER_SSRC, sent.get(4).sequenceNumber());
        assertThat(leg.rtp).hasSize(1);
        clock.advanceMillis(1001);
        nack(player, PLAYER_SSRC, sent.get(19).sequenceNumber());
        assertThat(leg.rtp).as("older than the cache's maximum age").hasSize(1);
        assertThat(player.counters().retransmitMisses()).isEqualTo(5);
        assertThat(player.counters().nackedPackets()).isEqualTo(6);
    }

    @Test
    void whereRtxIsNegotiatedTheRetransmissionHasItsOwnSsrcAndSequenceAndCarriesTheOriginalNumber() throws WireFormatException {
        FakeLeg leg = new FakeLeg();
        Player player = stream.play(leg, PlayerTrackConfig.of(PLAYER_SSRC, 98).withRtx(0xB0B1L, 99));
        video(100, 6);
        List<RtpPacket> sent = leg.packets();
        leg.clear();

        nack(player, PLAYER_SSRC, sent.get(2).sequenceNumber(), sent.get(3).sequenceNumber());

        assertThat(leg.rtp).hasSize(2);
        RtpPacket a = RtpPacket.parse(leg.rtp.get(0), 0, leg.rtp.get(0).length);
        RtpPacket b = leg.last();
        assertThat(a.ssrc()).isEqualTo(0xB0B1L);
        assertThat(a.payloadType()).isEqualTo(99);
        assertThat(b.sequenceNumber()).isEqualTo((a.sequenceNumber() + 1) & 0xFFFF);
        assertThat(a.timestamp()).isEqualTo(sent.get(2).timestamp());
        // RFC 4588 §4: OSN, then the original payload.
        assertThat(Bytes.u16(a.buffer(), a.payloadOffset())).isEqualTo(sent.get(2).sequenceNumber());
        assertThat(Arrays.copyOfRange(a.buffer(), a.payloadOffset() + 2, a.payloadOffset() + 2 + a.payloadLength() - 2))
                .isEqualTo(Arrays.copyOfRange(sent.get(2).buffer(), sent.get(2).payloadOffset(),
                        sent.get(2).payloadOffset() + sent.get(2).payloadLength()));
    }

    @Test
    void aPliStormFromFiftyPlayersBecomesOnePliPerInterval() {
        List<Player> players = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            players.add(stream.play(new FakeLeg(), PlayerTrackConfig.of(0xC000 + i, Media.VP8_PT)));
        }
        video(1, 3);
        clock.advanceMillis(1000);
        publisher.clear();

        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < players.size(); i++) {
                pli(players.get(i), 0xC000 + i);
            }
            clock.advanceMillis(100);
            stream.tick();
        }

        // 500 PLIs over 1 s: one at once, then the merged rest at 500 ms and at 1000 ms.
        assertThat(publisher.rtcp(RtcpHeader.PT_PSFB, 1)).hasSize(3);
        byte[] first = publisher.rtcp(RtcpHeader.PT_PSFB, 1).get(0);
        assertThat(Bytes.u32(first, 4)).as("sender SSRC").isEqualTo(0x5F0_0001L);
        assertThat(Bytes.u32(first, 8)).as("media SSRC").isEqualTo(VIDEO_SSRC);
        assertThat(players.get(7).counters().plisReceived()).isEqualTo(10);
        assertThat(stream.counters().keyframeRequestsMerged()).isEqualTo(499);
    }

    @Test
    void malformedRtcpFromAPlayerIsDroppedAndCounted() {
        Player player = stream.play(new FakeLeg(), PlayerTrackConfig.of(PLAYER_SSRC, 98));
        stream.receivePlayerRtcp(player, new byte[] {(byte) 0x81, (byte) 205, 0, 9}, 0, 4);
        // A well-formed header whose NACK has no FCI.
        stream.receivePlayerRtcp(player, new byte[] {(byte) 0x81, (byte) 205, 0, 2, 0, 0, 0, 1, 0, 0, (byte) 0xB0, (byte) 0xB0}, 0, 12);
        assertThat(player.counters().malformedRtcp()).isEqualTo(2);
    }
}
