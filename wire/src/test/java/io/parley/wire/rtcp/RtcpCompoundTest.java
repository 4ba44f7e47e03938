package io.parley.wire.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpCompoundTest {
    private final RtcpCompound compound = new RtcpCompound();

    @Test
    void iteratesASenderReportAndSourceDescription() throws WireFormatException {
        byte[] datagram = RtcpVectors.concat(RtcpVectors.SR, RtcpVectors.SDES_CNAME);
        assertThat(packets(datagram)).containsExactly("200/1 at 0+52", "202/1 at 52+20");
        compound.rewind();
        assertThat(compound.next()).isTrue();
        SenderReport sr = new SenderReport();
        sr.wrap(compound.buffer(), compound.packetOffset(), compound.packetLength());
        assertThat(sr.ssrc()).isEqualTo(0x12345678L);
        assertThat(compound.next()).isTrue();
        SourceDescription sdes = new SourceDescription();
        sdes.wrap(datagram, compound.packetOffset(), compound.packetLength());
        assertThat(sdes.nextChunk()).isTrue();
        assertThat(sdes.nextItem()).isTrue();
        assertThat(sdes.itemText()).isEqualTo("parley");
        assertThat(compound.next()).isFalse();
    }

    @Test
    void iteratesAReceiverReportSourceDescriptionAndBye() throws WireFormatException {
        byte[] datagram = RtcpVectors.concat(RtcpVectors.RR, RtcpVectors.SDES_CNAME, RtcpVectors.BYE);
        assertThat(packets(datagram)).containsExactly("201/1 at 0+32", "202/1 at 32+20", "203/2 at 52+20");
    }

    @Test
    void iteratesADatagramAtAnOffsetInALargerBuffer() throws WireFormatException {
        byte[] buffer = RtcpVectors.concat(new byte[7], RtcpVectors.RR, RtcpVectors.PLI, new byte[5]);
        compound.wrap(buffer, 7, RtcpVectors.RR.length + RtcpVectors.PLI.length);
        List<String> seen = new ArrayList<>();
        while (compound.next()) {
            seen.add(compound.packetType() + " at " + compound.packetOffset());
        }
        assertThat(seen).containsExactly("201 at 7", "206 at 39");
    }

    /** RFC 5506 §3: without an SR or RR in front, a lone feedback packet is a valid datagram. */
    @Test
    void acceptsAReducedSizeDatagramOfOnePli() throws WireFormatException {
        assertThat(packets(RtcpVectors.PLI)).containsExactly("206/1 at 0+12");
        assertThat(packets(RtcpVectors.TWCC_RUN)).containsExactly("205/15 at 0+28");
    }

    @Test
    void acceptsPaddingOnTheLastPacket() throws WireFormatException {
        byte[] paddedPli = Hex.parse("""
                a1 ce 00 03   # V=2 P=1 FMT=1 | PT=206 PSFB | length=3 words
                12 34 56 78   # SSRC of packet sender
                9a bc de f0   # SSRC of media source
                00 00 00 04   # padding, its last octet counting 4
                """);
        byte[] datagram = RtcpVectors.concat(RtcpVectors.RR, paddedPli);
        assertThat(packets(datagram)).containsExactly("201/1 at 0+32", "206/1 at 32+16");
        PictureLossIndication pli = new PictureLossIndication();
        pli.wrap(datagram, 32, 16);
        assertThat(pli.mediaSsrc()).isEqualTo(0x9abcdef0L);
    }

    @Test
    void rejectsPaddingOnAPacketThatIsNotTheLast() {
        byte[] paddedRr = RtcpVectors.concat(RtcpVectors.RR, Hex.parse("00 00 00 04"));
        paddedRr[0] = (byte) 0xa1;
        paddedRr[3] = 8;
        assertRejected(RtcpVectors.concat(paddedRr, RtcpVectors.PLI), "padding bit set on packet at offset 0");
    }

    @Test
    void rejectsAPaddingCountOfZeroOrPastTheHeader() {
        byte[] zero = RtcpVectors.PLI.clone();
        zero[0] = (byte) 0xa1;
        zero[11] = 0;
        assertRejected(zero, "padding count 0 invalid");
        byte[] past = zero.clone();
        past[11] = 9;
        assertRejected(past, "padding count 9 invalid");
    }

    @Test
    void rejectsABadVersionInAnyPacket() {
        byte[] datagram = RtcpVectors.concat(RtcpVectors.RR, RtcpVectors.PLI);
        datagram[32] = (byte) 0xc1;
        assertRejected(datagram, "packet at offset 32: version 3, expected 2");
    }

    @Test
    void rejectsALengthPastTheDatagram() {
        byte[] datagram = RtcpVectors.concat(RtcpVectors.RR, RtcpVectors.PLI);
        datagram[35] = 3;
        assertRejected(datagram, "length field says 16 bytes, only 12 remain");
    }

    @Test
    void rejectsLengthsThatDoNotSumToTheDatagram() {
        assertRejected(RtcpVectors.concat(RtcpVectors.RR, new byte[] {(byte) 0x80, (byte) 0xc9}), "header: truncated");
        assertRejected(new byte[0], "empty datagram");
        assertThatThrownBy(() -> compound.wrap(RtcpVectors.RR, 4, 32))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("outside buffer");
        assertThatThrownBy(() -> compound.wrap(null, 0, 0))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("no buffer");
    }

    /** A cut at a packet boundary is a shorter valid datagram; a cut anywhere else is rejected. */
    @Test
    void rejectsEveryTruncationExceptAtPacketBoundaries() {
        byte[] datagram = RtcpVectors.concat(RtcpVectors.RR, RtcpVectors.NACK, RtcpVectors.PLI, RtcpVectors.REMB);
        List<Integer> boundaries = List.of(32, 52, 64);
        for (int n = 0; n < datagram.length; n++) {
            byte[] cut = Arrays.copyOf(datagram, n);
            int length = n;
            if (boundaries.contains(n)) {
                assertThatCode(cut, length);
            } else {
                assertThatThrownBy(() -> compound.wrap(cut, 0, length))
                        .as("prefix of %d bytes", n).isInstanceOf(WireFormatException.class);
            }
        }
    }

    private void assertThatCode(byte[] cut, int length) {
        try {
            compound.wrap(cut, 0, length);
        } catch (WireFormatException e) {
            throw new AssertionError("prefix of " + length + " bytes ends at a packet boundary", e);
        }
    }

    @Test
    void roundTripsEveryVectorThroughTheWriters() {
        for (byte[] datagram : RtcpSeeds.datagrams()) {
            RtcpRoundTrip.check(datagram);
        }
    }

    private void assertRejected(byte[] datagram, String message) {
        assertThatThrownBy(() -> compound.wrap(datagram, 0, datagram.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining(message);
    }

    private List<String> packets(byte[] datagram) throws WireFormatException {
        compound.wrap(datagram, 0, datagram.length);
        List<String> seen = new ArrayList<>();
        while (compound.next()) {
            seen.add(compound.packetType() + "/" + compound.count() + " at " + compound.packetOffset() + "+"
                    + compound.packetLength());
        }
        return seen;
    }
}
