package io.parley.wire.rtcp;

import static io.parley.wire.rtcp.RtcpTruncation.assertEveryTruncationRejected;
import static io.parley.wire.rtcp.RtcpTruncation.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RtcpGenericNackTest {
    private final byte[] out = new byte[512];

    @Test
    void parsesEveryFieldAndWalksTheLostSequenceNumbers() throws WireFormatException {
        GenericNack nack = new GenericNack();
        nack.wrap(RtcpVectors.NACK, 0, RtcpVectors.NACK.length);
        assertThat(nack.senderSsrc()).isEqualTo(0x12345678L);
        assertThat(nack.mediaSsrc()).isEqualTo(0x9abcdef0L);
        assertThat(nack.pairCount()).isEqualTo(2);
        assertThat(nack.pid(0)).isEqualTo(100);
        assertThat(nack.blp(0)).isEqualTo(0b101);
        assertThat(nack.pid(1)).isEqualTo(65531);
        assertThat(nack.blp(1)).isEqualTo(0x8030);
        assertThat(lost(nack)).containsExactly(100, 101, 103, 65531, 0, 1, 11);
        assertThat(nack.nextLost()).isEqualTo(-1);
        nack.rewind();
        assertThat(nack.nextLost()).isEqualTo(100);
    }

    @Test
    void writesTheVector() {
        int n = GenericNack.write(out, 0, 0x12345678L, 0x9abcdef0L, new int[] {100, 101, 103, 65531, 0, 1, 11}, 7);
        assertThat(Hex.of(out, 0, n)).isEqualTo(Hex.of(RtcpVectors.NACK));
    }

    /** Lost sequence numbers, sorted in RTP order, and the fewest PID/BLP pairs that carry them. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "100;                     0064 0000",
        "100 101 103;             0064 0005",
        "100 116;                 0064 8000",
        "100 117;                 0064 0000 0075 0000",
        "1 1 2 2;                 0001 0001",
        "65530 65535 0 10;        fffa 8030",
        "0 17 34;                 0000 0000 0011 0000 0022 0000",
        "0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17;  0000 ffff 0011 0000",
    })
    void packsIntoTheFewestPairs(String lostList, String pairs) throws WireFormatException {
        int[] lost = java.util.Arrays.stream(lostList.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
        int n = GenericNack.write(out, 0, 1, 2, lost, lost.length);
        assertThat(Hex.of(out, 12, n - 12)).isEqualTo(pairs.replace(" ", ""));
        GenericNack nack = new GenericNack();
        nack.wrap(out, 0, n);
        assertThat(lost(nack)).containsExactlyElementsOf(
                java.util.Arrays.stream(lost).distinct().boxed().toList());
    }

    @Test
    void rejectsANackWithoutPairsAndFeedbackWithoutSsrcs() {
        byte[] noPairs = Hex.parse("""
                81 cd 00 02   # FMT=1 | PT=205 RTPFB | length=2 words
                12 34 56 78   # SSRC of packet sender
                9a bc de f0   # SSRC of media source, then no FCI
                """);
        assertThatThrownBy(() -> new GenericNack().wrap(noPairs, 0, noPairs.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("no PID/BLP pair");
        byte[] zeroLength = Hex.parse("""
                81 cd 00 00   # FMT=1 | PT=205 RTPFB | length=0 words: the header alone
                """);
        assertThatThrownBy(() -> new GenericNack().wrap(zeroLength, 0, zeroLength.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("too short for the sender and media SSRCs");
        byte[] senderOnly = Hex.parse("""
                81 cd 00 01   # FMT=1 | PT=205 RTPFB | length=1 word
                12 34 56 78   # SSRC of packet sender, no media SSRC
                """);
        assertThatThrownBy(() -> new GenericNack().wrap(senderOnly, 0, senderOnly.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("too short for the sender and media SSRCs");
    }

    @Test
    void rejectsAnotherFeedbackMessageType() {
        assertThatThrownBy(() -> new GenericNack().wrap(RtcpVectors.TWCC_RUN, 0, RtcpVectors.TWCC_RUN.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("FMT 15, expected 1");
    }

    @Test
    void rejectsEveryTruncation() {
        assertEveryTruncationRejected(RtcpVectors.NACK, view(GenericNack::new));
    }

    static List<Integer> lost(GenericNack nack) {
        List<Integer> seqs = new ArrayList<>();
        for (int seq = nack.nextLost(); seq >= 0; seq = nack.nextLost()) {
            seqs.add(seq);
        }
        return seqs;
    }
}
