package io.parley.wire.rtcp;

import static io.parley.wire.rtcp.RtcpTruncation.assertEveryTruncationRejected;
import static io.parley.wire.rtcp.RtcpTruncation.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import org.junit.jupiter.api.Test;

class RtcpReportTest {
    private final byte[] out = new byte[256];

    @Test
    void parsesEveryFieldOfASenderReport() throws WireFormatException {
        SenderReport sr = new SenderReport();
        sr.wrap(RtcpVectors.SR, 0, RtcpVectors.SR.length);
        assertThat(sr.ssrc()).isEqualTo(0x12345678L);
        assertThat(sr.ntpTimestamp()).isEqualTo(0xe73a1b2c_80000000L);
        assertThat(sr.rtpTimestamp()).isEqualTo(123456);
        assertThat(sr.packetCount()).isEqualTo(1000);
        assertThat(sr.octetCount()).isEqualTo(1_000_000);
        assertThat(sr.reportCount()).isEqualTo(1);
        assertThat(sr.length()).isEqualTo(52);
        ReportBlock block = sr.reportBlock(0, new ReportBlock());
        assertThat(block.ssrc()).isEqualTo(0xabcdef01L);
        assertThat(block.fractionLost()).isEqualTo(25);
        assertThat(block.cumulativeLost()).isEqualTo(-2);
        assertThat(block.extendedHighestSequence()).isEqualTo(0x1002aL);
        assertThat(block.jitter()).isEqualTo(100);
        assertThat(block.lastSenderReport()).isEqualTo(0x3a1b2c80L);
        assertThat(block.delaySinceLastSenderReport()).isEqualTo(0x18000L);
        assertThatThrownBy(() -> sr.reportBlock(1, block)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void writesTheSenderReportVector() {
        int n = SenderReport.write(out, 0, 0x12345678L, 0xe73a1b2c_80000000L, 123456, 1000, 1_000_000, 1);
        n += ReportBlock.write(out, n, 0xabcdef01L, 25, -2, 0x1002aL, 100, 0x3a1b2c80L, 0x18000L);
        assertThat(Hex.of(out, 0, n)).isEqualTo(Hex.of(RtcpVectors.SR));
    }

    @Test
    void parsesEveryFieldOfAReceiverReport() throws WireFormatException {
        ReceiverReport rr = new ReceiverReport();
        rr.wrap(RtcpVectors.RR, 0, RtcpVectors.RR.length);
        assertThat(rr.ssrc()).isEqualTo(0x9abcdef0L);
        assertThat(rr.reportCount()).isEqualTo(1);
        ReportBlock block = rr.reportBlock(0, new ReportBlock());
        assertThat(block.ssrc()).isEqualTo(0x11223344L);
        assertThat(block.fractionLost()).isZero();
        assertThat(block.cumulativeLost()).isEqualTo(5);
        assertThat(block.extendedHighestSequence()).isEqualTo(65535);
        assertThat(block.jitter()).isEqualTo(10);
        assertThat(block.lastSenderReport()).isZero();
        assertThat(block.delaySinceLastSenderReport()).isZero();
    }

    @Test
    void writesTheReceiverReportVector() {
        int n = ReceiverReport.write(out, 0, 0x9abcdef0L, 1);
        n += ReportBlock.write(out, n, 0x11223344L, 0, 5, 65535, 10, 0, 0);
        assertThat(Hex.of(out, 0, n)).isEqualTo(Hex.of(RtcpVectors.RR));
    }

    @Test
    void clampsCumulativeLostToSigned24Bits() throws WireFormatException {
        int n = ReceiverReport.write(out, 0, 1, 2);
        n += ReportBlock.write(out, n, 2, 0, 50_000_000, 0, 0, 0, 0);
        n += ReportBlock.write(out, n, 3, 0, -50_000_000, 0, 0, 0, 0);
        ReceiverReport rr = new ReceiverReport();
        rr.wrap(out, 0, n);
        ReportBlock block = new ReportBlock();
        assertThat(rr.reportBlock(0, block).cumulativeLost()).isEqualTo(0x7FFFFF);
        assertThat(rr.reportBlock(1, block).cumulativeLost()).isEqualTo(-0x800000);
    }

    @Test
    void keepsProfileExtensionsAfterTheBlocksOutOfTheFields() throws WireFormatException {
        byte[] withExtension = Hex.parse("""
                80 c9 00 02   # V=2 RC=0 | PT=201 RR | length=2 words
                9a bc de f0   # SSRC of packet sender
                de ad be ef   # profile-specific extension
                """);
        ReceiverReport rr = new ReceiverReport();
        rr.wrap(withExtension, 0, withExtension.length);
        assertThat(rr.reportCount()).isZero();
        assertThat(rr.ssrc()).isEqualTo(0x9abcdef0L);
    }

    @Test
    void rejectsMoreReportBlocksThanTheLengthHolds() {
        byte[] rcTooLarge = Hex.parse("""
                82 c9 00 07   # V=2 RC=2 (one block too many) | PT=201 RR | length=7 words
                9a bc de f0   # SSRC of packet sender
                11 22 33 44 00 00 00 05 00 00 ff ff 00 00 00 0a 00 00 00 00 00 00 00 00  # block 1
                """);
        assertThatThrownBy(() -> new ReceiverReport().wrap(rcTooLarge, 0, rcTooLarge.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("RTCP RR with 2 report blocks");
    }

    @Test
    void rejectsABadVersionAWrongTypeAndALengthThatDoesNotMatch() {
        byte[] v1 = RtcpVectors.RR.clone();
        v1[0] = (byte) 0x41;
        assertThatThrownBy(() -> new ReceiverReport().wrap(v1, 0, v1.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("version 1");
        assertThatThrownBy(() -> new SenderReport().wrap(RtcpVectors.RR, 0, RtcpVectors.RR.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("packet type 201, expected 200");
        byte[] longer = RtcpVectors.concat(RtcpVectors.RR, new byte[4]);
        assertThatThrownBy(() -> new ReceiverReport().wrap(longer, 0, longer.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("length field says 32 bytes, packet has 36");
        assertThatThrownBy(() -> new ReceiverReport().wrap(RtcpVectors.RR, 8, 32))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("outside buffer");
    }

    @Test
    void rejectsEveryTruncation() {
        assertEveryTruncationRejected(RtcpVectors.SR, view(SenderReport::new));
        assertEveryTruncationRejected(RtcpVectors.RR, view(ReceiverReport::new));
    }
}
