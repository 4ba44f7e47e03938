package io.parley.wire.rtcp;

import static io.parley.wire.rtcp.RtcpTruncation.assertEveryTruncationRejected;
import static io.parley.wire.rtcp.RtcpTruncation.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtcpTransportFeedbackTest {
    private final byte[] out = new byte[4096];
    private final TransportFeedback twcc = new TransportFeedback();
    private final TransportFeedbackWriter writer = new TransportFeedbackWriter();

    @Test
    void parsesARunLengthChunkOfSmallDeltas() throws WireFormatException {
        twcc.wrap(RtcpVectors.TWCC_RUN, 0, RtcpVectors.TWCC_RUN.length);
        assertThat(twcc.senderSsrc()).isEqualTo(0x12345678L);
        assertThat(twcc.mediaSsrc()).isEqualTo(0x9abcdef0L);
        assertThat(twcc.baseSequence()).isEqualTo(1000);
        assertThat(twcc.statusCount()).isEqualTo(3);
        assertThat(twcc.referenceTime()).isEqualTo(5);
        assertThat(twcc.feedbackPacketCount()).isZero();
        assertThat(walk(twcc)).containsExactly("1000 1 4 321000", "1001 1 10 323500", "1002 1 255 387250");
    }

    @Test
    void parsesAOneBitStatusVectorAcrossTheSequenceWrap() throws WireFormatException {
        twcc.wrap(RtcpVectors.TWCC_ONE_BIT, 0, RtcpVectors.TWCC_ONE_BIT.length);
        assertThat(twcc.baseSequence()).isEqualTo(65534);
        assertThat(twcc.feedbackPacketCount()).isEqualTo(1);
        assertThat(walk(twcc)).containsExactly("65534 1 0 0", "65535 0", "0 1 4 1000", "1 1 4 2000", "2 0", "3 0",
                "4 0", "5 1 4 3000");
    }

    @Test
    void parsesATwoBitStatusVectorWithLargeAndNegativeDeltas() throws WireFormatException {
        twcc.wrap(RtcpVectors.TWCC_TWO_BIT, 0, RtcpVectors.TWCC_TWO_BIT.length);
        assertThat(twcc.referenceTime()).isEqualTo(1);
        assertThat(twcc.feedbackPacketCount()).isEqualTo(2);
        assertThat(walk(twcc)).containsExactly("10 1 0 64000", "11 2 1200 364000", "12 2 -2 363500");
    }

    @Test
    void parsesMixedChunksAndRewinds() throws WireFormatException {
        twcc.wrap(RtcpVectors.TWCC_MIXED, 0, RtcpVectors.TWCC_MIXED.length);
        List<String> all = walk(twcc);
        assertThat(all).hasSize(301);
        assertThat(all.get(0)).isEqualTo("0 1 0 0");
        assertThat(all.subList(1, 300)).allMatch(s -> s.endsWith(" 0"));
        assertThat(all.get(300)).isEqualTo("300 2 400 100000");
        twcc.rewind();
        assertThat(walk(twcc)).isEqualTo(all);
    }

    @Test
    void writesEachVectorFromArrivalTimes() {
        assertWrites(RtcpVectors.TWCC_RUN, 0, new int[] {1000, 1001, 1002}, new long[] {321_000, 323_500, 387_250});
        assertWrites(RtcpVectors.TWCC_ONE_BIT, 1, new int[] {65534, 0, 1, 5}, new long[] {0, 1000, 2000, 3000});
        assertWrites(RtcpVectors.TWCC_TWO_BIT, 2, new int[] {10, 11, 12}, new long[] {64_000, 364_000, 363_500});
        assertWrites(RtcpVectors.TWCC_MIXED, 3, new int[] {0, 300}, new long[] {0, 100_000});
    }

    private void assertWrites(byte[] vector, int fbCount, int[] seqs, long[] arrivals) {
        int n = writer.write(out, 0, 0x12345678L, 0x9abcdef0L, fbCount, seqs, arrivals, seqs.length);
        assertThat(Hex.of(out, 0, n)).isEqualTo(Hex.of(vector));
    }

    /** Draft §3.1.3 example 1: a run of 221 "packet not received", 0x00dd. */
    @Test
    void decodesTheDraftsRunLengthExample() throws WireFormatException {
        byte[] packet = Hex.parse("""
                8f cd 00 06   # V=2 FMT=15 | PT=205 RTPFB | length=6 words
                12 34 56 78   # SSRC of packet sender
                9a bc de f0   # SSRC of media source
                00 00 00 de   # base sequence number 0, packet status count 222
                00 00 00 00   # reference time 0, fb pkt. count 0
                00 dd         # |0|0 0|0 0 0 0 0 1 1 0 1 1 1 0 1|: 221 x not received
                20 01         # run length chunk: 1 x small delta
                05 00 00 00   # recv delta 5, zero padding
                """);
        twcc.wrap(packet, 0, packet.length);
        List<String> all = walk(twcc);
        assertThat(all.subList(0, 221)).allMatch(s -> s.endsWith(" 0"));
        assertThat(all.get(221)).isEqualTo("221 1 5 1250");
    }

    /** Draft §3.1.4 example 1: 0x9f1c, 1 N, 5 R, 3 N, 3 R, 2 N. */
    @Test
    void decodesTheDraftsStatusVectorExample() throws WireFormatException {
        byte[] packet = Hex.parse("""
                8f cd 00 07               # V=2 FMT=15 | PT=205 RTPFB | length=7 words
                12 34 56 78               # SSRC of packet sender
                9a bc de f0               # SSRC of media source
                00 00 00 0e               # base sequence number 0, packet status count 14
                00 00 00 00               # reference time 0, fb pkt. count 0
                9f 1c                     # |1|0|0 1 1 1 1 1 0 0 0 1 1 1 0 0|
                01 01 01 01 01 01 01 01   # 8 recv deltas of 1 (250 us)
                00 00                     # zero padding
                """);
        twcc.wrap(packet, 0, packet.length);
        StringBuilder received = new StringBuilder();
        while (twcc.next()) {
            received.append(twcc.received() ? 'R' : 'N');
        }
        assertThat(received).hasToString("NRRRRRNNNRRRNN");
    }

    @Test
    void readsANegativeReferenceTime() throws WireFormatException {
        byte[] negative = RtcpVectors.TWCC_RUN.clone();
        negative[16] = (byte) 0xff;
        negative[17] = (byte) 0xff;
        negative[18] = (byte) 0xff;
        twcc.wrap(negative, 0, negative.length);
        assertThat(twcc.referenceTime()).isEqualTo(-1);
        assertThat(twcc.next()).isTrue();
        assertThat(twcc.arrivalTimeMicros()).isEqualTo(-64_000 + 1000);
    }

    @Test
    void roundTripsALossyJitteryStreamThroughWriterAndParser() throws WireFormatException {
        Random random = new Random(42);
        int[] seqs = new int[600];
        long[] arrivals = new long[600];
        int seq = 65000;
        long time = 7_000_000_123L;
        for (int i = 0; i < seqs.length; i++) {
            seq = (seq + 1 + (random.nextInt(10) == 0 ? random.nextInt(40) : 0)) & 0xFFFF;
            time += random.nextInt(20) == 0 ? random.nextInt(300_000) - 5_000 : random.nextInt(3_000);
            seqs[i] = seq;
            arrivals[i] = time;
        }
        int n = writer.write(out, 0, 1, 2, 9, seqs, arrivals, seqs.length);
        twcc.wrap(out, 0, n);
        int next = 0;
        long reference = Math.floorDiv(arrivals[0], 64_000) * 64_000 % (64_000L << 24);
        while (twcc.next()) {
            if (twcc.received()) {
                assertThat(twcc.sequenceNumber()).isEqualTo(seqs[next]);
                assertThat(twcc.arrivalTimeMicros() - reference + Math.floorDiv(arrivals[0], 64_000) * 64_000)
                        .isEqualTo(Math.floorDiv(arrivals[next], 250) * 250);
                next++;
            }
        }
        assertThat(next).isEqualTo(seqs.length);
    }

    @Test
    void choosesRunLengthForLongRuns() {
        int[] seqs = new int[20];
        long[] arrivals = new long[20];
        for (int i = 0; i < 20; i++) {
            seqs[i] = i;
            arrivals[i] = i * 1000L;
        }
        writer.write(out, 0, 1, 2, 0, seqs, arrivals, 20);
        assertThat(Hex.of(out, 20, 2)).isEqualTo("2014");
    }

    @Test
    void refusesInputNoChunkCanCarry() {
        assertThatThrownBy(() -> writer.write(out, 0, 1, 2, 0, new int[] {1, 2}, new long[] {0, 9_000_000}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond a delta");
        assertThatThrownBy(() -> writer.write(out, 0, 1, 2, 0, new int[] {5, 5}, new long[] {0, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after the previous");
        assertThatThrownBy(() -> writer.write(out, 0, 1, 2, 0, new int[] {0, 65535}, new long[] {0, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16-bit packet status count");
    }

    @Test
    void rejectsAStatusCountLargerThanTheChunksAllow() {
        byte[] tooMany = Hex.parse("""
                8f cd 00 05   # V=2 FMT=15 | PT=205 RTPFB | length=5 words
                12 34 56 78   # SSRC of packet sender
                9a bc de f0   # SSRC of media source
                00 00 00 64   # base sequence number 0, packet status count 100
                00 00 00 00   # reference time 0, fb pkt. count 0
                20 03 20 02   # two run length chunks covering 5 statuses; 95 have no chunk
                """);
        assertThatThrownBy(() -> twcc.wrap(tooMany, 0, tooMany.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("needs more packet chunks");
    }

    @Test
    void rejectsMissingDeltasAndTooManyBytesAfterThem() {
        byte[] missing = java.util.Arrays.copyOf(RtcpVectors.TWCC_TWO_BIT, 24);
        missing[3] = 5;
        assertThatThrownBy(() -> twcc.wrap(missing, 0, missing.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("receive deltas missing, need 5 bytes, have 2");
        byte[] extra = RtcpVectors.TWCC_RUN.clone();
        extra[15] = 2;
        assertThatThrownBy(() -> twcc.wrap(extra, 0, extra.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("4 bytes after the receive deltas");
    }

    @Test
    void rejectsTheReservedSymbol() {
        byte[] reserved = RtcpVectors.TWCC_RUN.clone();
        reserved[20] = 0x60;
        assertThatThrownBy(() -> twcc.wrap(reserved, 0, reserved.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("reserved packet status symbol");
    }

    @Test
    void rejectsEveryTruncation() {
        assertEveryTruncationRejected(RtcpVectors.TWCC_RUN, view(TransportFeedback::new));
        assertEveryTruncationRejected(RtcpVectors.TWCC_ONE_BIT, view(TransportFeedback::new));
        assertEveryTruncationRejected(RtcpVectors.TWCC_TWO_BIT, view(TransportFeedback::new));
        assertEveryTruncationRejected(RtcpVectors.TWCC_MIXED, view(TransportFeedback::new));
    }

    /** Each reported packet as "seq status" or, when received, "seq status delta arrivalMicros". */
    static List<String> walk(TransportFeedback twcc) {
        List<String> packets = new ArrayList<>();
        while (twcc.next()) {
            packets.add(twcc.received()
                    ? twcc.sequenceNumber() + " " + twcc.status() + " " + twcc.delta() + " " + twcc.arrivalTimeMicros()
                    : twcc.sequenceNumber() + " " + twcc.status());
        }
        return packets;
    }
}
