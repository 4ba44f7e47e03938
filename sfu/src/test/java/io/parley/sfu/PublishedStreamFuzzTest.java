package io.parley.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.parley.wire.WireFormatException;
import io.parley.wire.rtcp.RtcpCompound;
import io.parley.wire.rtp.RtpPacket;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz target of the whole media plane: a stream with a VP8 track (with RTX) and an Opus track and two players is
 * fed a script of datagrams, each framed as {@code op, length, bytes}: op 0 RTP from the publisher,
 * 1 RTCP from the publisher, 2 RTCP from player A, 3 a tick after {@code length} ms. Nothing may
 * throw, and everything the SFU sends must parse: RTP with the player's own SSRCs, RTCP as a valid
 * compound. In {@code mvn test} it replays the seeds in
 * {@code PublishedStreamFuzzTestInputs/feed}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class PublishedStreamFuzzTest {
    static final long PLAYER_A_VIDEO = 0xA;
    static final long PLAYER_A_RTX = 0xB;
    static final long PLAYER_A_AUDIO = 0xC;

    @FuzzTest
    void feed(byte[] script) {
        ManualClock clock = new ManualClock();
        FakeLeg publisher = new FakeLeg();
        FakeLeg a = new FakeLeg();
        FakeLeg b = new FakeLeg();
        PublishedStream stream = new PublishedStream(StreamConfig.defaults(1).withCache(64, 1_000_000_000L),
                List.of(new PublishedTrackConfig(Codec.VP8, Media.VP8_PT, 97), new PublishedTrackConfig(Codec.OPUS, Media.OPUS_PT)),
                publisher, clock);
        Player playerA = stream.play(a, PlayerTrackConfig.of(PLAYER_A_VIDEO, 100).withRtx(PLAYER_A_RTX, 101)
                .withExtensions(ExtensionMap.of(1, 20, 2, 3), 5), PlayerTrackConfig.of(PLAYER_A_AUDIO, 111));
        stream.play(b, PlayerTrackConfig.of(0xD, 96), null);

        for (int at = 0; at + 2 <= script.length; ) {
            int op = script[at] & 3;
            int len = Math.min(script[at + 1] & 0xFF, script.length - at - 2);
            byte[] body = Arrays.copyOfRange(script, at + 2, at + 2 + len);
            at += 2 + len;
            switch (op) {
                case 0 -> stream.receiveRtp(body, 0, body.length);
                case 1 -> stream.receiveRtcp(body, 0, body.length);
                case 2 -> stream.receivePlayerRtcp(playerA, body, 0, body.length);
                default -> {
                    clock.advanceMillis(len);
                    stream.tick();
                }
            }
        }
        assertAllParse(a, PLAYER_A_VIDEO, PLAYER_A_RTX, PLAYER_A_AUDIO);
        assertAllParse(b, 0xD, 0xD, 0xD);
        assertAllParse(publisher, -1, -1, -1);
    }

    private static void assertAllParse(FakeLeg leg, long... ssrcs) {
        for (RtpPacket p : leg.packets()) {
            assertThat(ssrcs).contains(p.ssrc());
        }
        RtcpCompound compound = new RtcpCompound();
        for (byte[] datagram : leg.rtcp) {
            try {
                compound.wrap(datagram, 0, datagram.length);
            } catch (WireFormatException e) {
                throw new AssertionError("the SFU sent invalid RTCP", e);
            }
        }
    }
}
