package io.parley.wire.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Malformed and truncated RTP packets raise {@link WireFormatException} naming the fault. */
class RtpMalformedTest {
    private static void rejects(byte[] b, String messagePart) {
        assertThatThrownBy(() -> RtpPacket.parse(b, 0, b.length))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining(messagePart);
    }

    @Test
    void rejectsAVersionOtherThan2() {
        for (int version : new int[] {0, 1, 3}) {
            byte[] b = RtpVectors.PLAIN.clone();
            b[0] = (byte) ((b[0] & 0x3F) | (version << 6));
            rejects(b, "version " + version);
        }
    }

    @Test
    void rejectsPaddingLongerThanThePayload() {
        rejects(Hex.parse("""
                a0 08 00 01    # V=2 P=1 | PT=8 | sequence number 1
                00 00 00 a0    # timestamp
                12 34 56 78    # SSRC
                d5 00 05       # 3 bytes after the header, count says 5
                """), "padding length 5 longer than the 3 bytes");
    }

    @Test
    void rejectsAZeroPaddingLength() {
        rejects(Hex.parse("""
                a0 08 00 01    # V=2 P=1 | PT=8 | sequence number 1
                00 00 00 a0    # timestamp
                12 34 56 78    # SSRC
                d5 d5 00       # count byte 0
                """), "padding length of 0");
    }

    @Test
    void rejectsACsrcCountPastTheEnd() {
        rejects(Hex.parse("""
                83 60 00 01    # V=2 CC=3 | PT=96 | sequence number 1
                00 00 00 00    # timestamp
                00 00 00 01    # SSRC
                11 11 11 11    # CSRC 0
                22 22 22 22    # CSRC 1, and no CSRC 2
                """), "CSRC list of 3");
    }

    @Test
    void rejectsAnExtensionLengthPastTheEnd() {
        rejects(Hex.parse("""
                90 60 00 01    # V=2 X=1 | PT=96 | sequence number 1
                00 00 00 00    # timestamp
                00 00 00 01    # SSRC
                be de 00 02    # one-byte form, 2 words claimed
                10 01 00 00    # only 1 word present
                """), "header extension of 8 bytes");
    }

    @Test
    void rejectsAOneByteElementPastTheBlock() {
        rejects(Hex.parse("""
                90 60 00 01    # V=2 X=1 | PT=96 | sequence number 1
                00 00 00 00    # timestamp
                00 00 00 01    # SSRC
                be de 00 01    # one-byte form, 1 word
                10 01          # ID 1, 1 byte
                23 01          # ID 2, 3 bytes claimed, 1 left in the block
                ff ff          # payload (not extension data)
                """), "one-byte header extension element 2 runs past the extension block");
    }

    @Test
    void rejectsATwoByteElementPastTheBlock() {
        rejects(Hex.parse("""
                90 60 00 01    # V=2 X=1 | PT=96 | sequence number 1
                00 00 00 00    # timestamp
                00 00 00 01    # SSRC
                10 00 00 01    # two-byte form, 1 word
                07 04 01 02    # ID 7, 4 bytes claimed, 2 left in the block
                """), "two-byte header extension element 7 runs past the extension block");
        rejects(Hex.parse("""
                90 60 00 01    # V=2 X=1 | PT=96 | sequence number 1
                00 00 00 00    # timestamp
                00 00 00 01    # SSRC
                10 00 00 01    # two-byte form, 1 word
                00 00 00 09    # padding, then ID 9 without its length byte
                """), "element 9 runs past");
    }

    @Test
    void rejectsEveryTruncationInsideTheHeader() throws WireFormatException {
        for (byte[] vector : new byte[][] {RtpVectors.CHROMIUM_AUDIO, RtpVectors.CSRCS_AND_MARKER,
                RtpVectors.TWO_BYTE_EXTENSIONS}) {
            int headerLength = RtpPacket.parse(vector, 0, vector.length).headerLength();
            for (int len = 0; len < vector.length; len++) {
                byte[] cut = Arrays.copyOf(vector, len);
                if (len < headerLength) {
                    assertThatThrownBy(() -> RtpPacket.parse(cut, 0, cut.length))
                            .isInstanceOf(WireFormatException.class).hasMessageContaining("truncated");
                } else {
                    assertThat(RtpPacket.parse(cut, 0, len).payloadLength()).isEqualTo(len - headerLength);
                }
            }
        }
    }

    @Test
    void rejectsTruncationsOfAPaddedPacketWhoseCountNoLongerFits() {
        byte[] padded = RtpVectors.PADDED;
        for (int len = 12; len < padded.length; len++) {
            byte[] cut = Arrays.copyOf(padded, len);
            // The last byte is now payload or a zero: 0 or 0xd5 (213) cannot be a valid count here.
            assertThatThrownBy(() -> RtpPacket.parse(cut, 0, cut.length)).isInstanceOf(WireFormatException.class);
        }
    }

    @Test
    void rejectsBadRanges() {
        assertThatThrownBy(() -> RtpPacket.parse(null, 0, 0)).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> RtpPacket.parse(new byte[12], 4, 12)).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> RtpPacket.parse(new byte[12], -1, 12)).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> RtpPacket.parse(new byte[0], 0, 0)).isInstanceOf(WireFormatException.class);
    }
}
