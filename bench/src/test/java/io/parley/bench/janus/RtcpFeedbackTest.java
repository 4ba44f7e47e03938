package io.parley.bench.janus;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.testkit.Hex;
import org.junit.jupiter.api.Test;

/** Key frame requests found in RTCP compounds as Janus sends them to a publisher. */
class RtcpFeedbackTest {
    private static final byte[] RR_THEN_PLI = Hex.parse("""
            81 c9 00 07              # RR (PT 201), one report block, length 7 words
            00 00 00 01              # SSRC of the sender
            00 00 aa aa 00 00 00 00  # report block: SSRC, loss
            00 00 00 00 00 00 00 00  #   highest sequence, jitter
            00 00 00 00 00 00 00 00  #   LSR, DLSR
            81 ce 00 02              # PSFB (PT 206) FMT 1: PLI, length 2
            00 00 00 01 00 00 aa aa  # sender SSRC, media SSRC
            """);

    private static final byte[] FIR = Hex.parse("""
            84 ce 00 04              # PSFB FMT 4: FIR, length 4
            00 00 00 01 00 00 00 00  # sender SSRC, media SSRC 0
            00 00 aa aa 07 00 00 00  # FCI: SSRC, sequence number 7
            """);

    private static final byte[] REMB = Hex.parse("""
            8f ce 00 05              # PSFB FMT 15: REMB, length 5
            00 00 00 01 00 00 00 00  # sender SSRC, media SSRC 0
            52 45 4d 42              # "REMB"
            01 0a 7f ff 00 00 aa aa  # one SSRC, exponent and mantissa, the SSRC
            """);

    @Test
    void pli_after_a_receiver_report_and_fir_ask_for_a_key_frame() {
        assertThat(RtcpFeedback.asksForKeyframe(RR_THEN_PLI, 0, RR_THEN_PLI.length)).isTrue();
        assertThat(RtcpFeedback.asksForKeyframe(FIR, 0, FIR.length)).isTrue();
    }

    @Test
    void other_feedback_does_not() {
        assertThat(RtcpFeedback.asksForKeyframe(REMB, 0, REMB.length)).isFalse();
        assertThat(RtcpFeedback.asksForKeyframe(RR_THEN_PLI, 0, 32)).isFalse();
    }

    @Test
    void a_truncated_or_malformed_compound_stops_the_walk_without_throwing() {
        assertThat(RtcpFeedback.asksForKeyframe(RR_THEN_PLI, 0, RR_THEN_PLI.length - 1)).isFalse();
        assertThat(RtcpFeedback.asksForKeyframe(new byte[] {0x41, (byte) 0xce, 0, 2}, 0, 4)).isFalse();
        assertThat(RtcpFeedback.asksForKeyframe(new byte[3], 0, 3)).isFalse();
    }
}
