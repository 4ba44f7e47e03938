package io.parley.wire.rtcp;

import static io.parley.wire.rtcp.RtcpTruncation.assertEveryTruncationRejected;
import static io.parley.wire.rtcp.RtcpTruncation.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import org.junit.jupiter.api.Test;

class RtcpPayloadFeedbackTest {
    private final byte[] out = new byte[256];

    @Test
    void parsesAndWritesAPli() throws WireFormatException {
        PictureLossIndication pli = new PictureLossIndication();
        pli.wrap(RtcpVectors.PLI, 0, RtcpVectors.PLI.length);
        assertThat(pli.senderSsrc()).isEqualTo(0x12345678L);
        assertThat(pli.mediaSsrc()).isEqualTo(0x9abcdef0L);
        int n = PictureLossIndication.write(out, 0, 0x12345678L, 0x9abcdef0L);
        assertThat(Hex.of(out, 0, n)).isEqualTo(Hex.of(RtcpVectors.PLI));
    }

    @Test
    void rejectsAPliWithFci() {
        byte[] withFci = RtcpVectors.concat(RtcpVectors.PLI, new byte[4]);
        withFci[3] = 3;
        assertThatThrownBy(() -> new PictureLossIndication().wrap(withFci, 0, withFci.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("4 bytes of FCI, a PLI has none");
    }

    @Test
    void parsesAndWritesAFir() throws WireFormatException {
        FullIntraRequest fir = new FullIntraRequest();
        fir.wrap(RtcpVectors.FIR, 0, RtcpVectors.FIR.length);
        assertThat(fir.senderSsrc()).isEqualTo(0x12345678L);
        assertThat(fir.mediaSsrc()).isZero();
        assertThat(fir.entryCount()).isEqualTo(2);
        assertThat(fir.entrySsrc(0)).isEqualTo(0x9abcdef0L);
        assertThat(fir.entrySequence(0)).isEqualTo(7);
        assertThat(fir.entrySsrc(1)).isEqualTo(0x11223344L);
        assertThat(fir.entrySequence(1)).isEqualTo(8);
        assertThatThrownBy(() -> fir.entrySsrc(2)).isInstanceOf(IndexOutOfBoundsException.class);
        int n = FullIntraRequest.write(out, 0, 0x12345678L, new long[] {0x9abcdef0L, 0x11223344L}, new int[] {7, 8}, 2);
        assertThat(Hex.of(out, 0, n)).isEqualTo(Hex.of(RtcpVectors.FIR));
    }

    @Test
    void rejectsAFirWithoutEntriesOrWithAHalfEntry() {
        byte[] halfEntry = Hex.parse("""
                84 ce 00 03   # FMT=4 | PT=206 PSFB | length=3 words
                12 34 56 78   # SSRC of packet sender
                00 00 00 00   # SSRC of media source
                9a bc de f0   # an entry's SSRC without its seq nr
                """);
        assertThatThrownBy(() -> new FullIntraRequest().wrap(halfEntry, 0, halfEntry.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("FCI of 4 bytes");
        byte[] noEntry = java.util.Arrays.copyOf(halfEntry, 12);
        noEntry[3] = 2;
        assertThatThrownBy(() -> new FullIntraRequest().wrap(noEntry, 0, noEntry.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("FCI of 0 bytes");
    }

    @Test
    void parsesAndWritesARemb() throws WireFormatException {
        ReceiverEstimatedMaxBitrate remb = new ReceiverEstimatedMaxBitrate();
        remb.wrap(RtcpVectors.REMB, 0, RtcpVectors.REMB.length);
        assertThat(remb.senderSsrc()).isEqualTo(0x12345678L);
        assertThat(remb.mediaSsrc()).isZero();
        assertThat(remb.bitrate()).isEqualTo(1_000_000);
        assertThat(remb.ssrcCount()).isEqualTo(2);
        assertThat(remb.ssrc(0)).isEqualTo(0x9abcdef0L);
        assertThat(remb.ssrc(1)).isEqualTo(0x11223344L);
        int n = ReceiverEstimatedMaxBitrate.write(out, 0, 0x12345678L, 1_000_000, new long[] {0x9abcdef0L, 0x11223344L}, 2);
        assertThat(Hex.of(out, 0, n)).isEqualTo(Hex.of(RtcpVectors.REMB));
    }

    @Test
    void encodesBitratesWithTheSmallestExponentRoundingDown() throws WireFormatException {
        ReceiverEstimatedMaxBitrate remb = new ReceiverEstimatedMaxBitrate();
        long[] cases = {0, 1, 262_143, 262_144, 262_145, 2_500_000_000L, (1L << 18) - 1 << 45};
        long[] sent = {0, 1, 262_143, 262_144, 262_144, 152_587L << 14, (1L << 18) - 1 << 45};
        for (int i = 0; i < cases.length; i++) {
            int n = ReceiverEstimatedMaxBitrate.write(out, 0, 1, cases[i], new long[0], 0);
            remb.wrap(out, 0, n);
            assertThat(remb.bitrate()).as("bitrate %d", cases[i]).isEqualTo(sent[i]);
        }
    }

    @Test
    void rejectsAWrongIdentifierAnSsrcCountPastTheEndAndABitrateBeyond63Bits() {
        byte[] wrongId = RtcpVectors.REMB.clone();
        wrongId[15] = 'X';
        assertThatThrownBy(() -> new ReceiverEstimatedMaxBitrate().wrap(wrongId, 0, wrongId.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("expected 'REMB'");
        byte[] tooManySsrcs = RtcpVectors.REMB.clone();
        tooManySsrcs[16] = 3;
        assertThatThrownBy(() -> new ReceiverEstimatedMaxBitrate().wrap(tooManySsrcs, 0, tooManySsrcs.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("3 SSRCs need 12 bytes, the packet has 8");
        byte[] huge = RtcpVectors.REMB.clone();
        huge[17] = (byte) 0xff;
        assertThatThrownBy(() -> new ReceiverEstimatedMaxBitrate().wrap(huge, 0, huge.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("does not fit 63 bits");
    }

    @Test
    void rejectsEveryTruncation() {
        assertEveryTruncationRejected(RtcpVectors.PLI, view(PictureLossIndication::new));
        assertEveryTruncationRejected(RtcpVectors.FIR, view(FullIntraRequest::new));
        assertEveryTruncationRejected(RtcpVectors.REMB, view(ReceiverEstimatedMaxBitrate::new));
    }
}
