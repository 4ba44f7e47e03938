package io.parley.wire.rtp;

import static io.parley.wire.rtp.RtpVectors.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import org.junit.jupiter.api.Test;

/** Writing headers from fields: the vectors come back byte for byte, the extension form is chosen right. */
class RtpHeaderWriterTest {
    private final RtpHeaderWriter writer = new RtpHeaderWriter();
    private final byte[] out = new byte[256];

    /** Rebuilds {@code vector} from its parsed fields and returns the written packet's hex. */
    private String rewrite(byte[] vector) throws WireFormatException {
        int length = RtpRoundTrip.rewrite(RtpPacket.parse(vector, 0, vector.length), writer, out);
        return Hex.of(out, 0, length);
    }

    @Test
    void writesTheVectorsBackByteForByte() throws WireFormatException {
        for (byte[] vector : new byte[][] {PLAIN, CSRCS_AND_MARKER, PADDED, CHROMIUM_AUDIO}) {
            assertThat(rewrite(vector)).isEqualTo(Hex.of(vector));
        }
    }

    @Test
    void writesOneByteElementsWithoutThePaddingBetweenThem() throws WireFormatException {
        assertThat(rewrite(ONE_BYTE_EXTENSIONS)).isEqualTo(Hex.of(Hex.parse("""
                90 6f 00 05    # V=2 X=1 | PT=111 | sequence number 5
                00 00 00 00    # timestamp 0
                00 00 00 02    # SSRC 2
                be de 00 03    # one-byte form, 3 words
                10 ff          # ID 1: ff
                22 01 02 03    # ID 2: 01 02 03
                31 aa bb       # ID 3: aa bb
                00 00 00       # padding to the word
                f0 0d          # payload
                """)));
    }

    @Test
    void choosesTheTwoByteFormForAnEmptyValueOrAnIdAbove14() throws WireFormatException {
        assertThat(rewrite(TWO_BYTE_EXTENSIONS)).isEqualTo(Hex.of(Hex.parse("""
                90 60 00 06    # V=2 X=1 | PT=96 | sequence number 6
                00 00 00 00    # timestamp 0
                00 00 00 03    # SSRC 3
                10 00 00 02    # two-byte form, 2 words
                0f 00          # ID 15, empty
                20 03 61 62 63 # ID 32: "abc"
                00             # padding to the word
                c0 ff ee       # payload
                """)));
    }

    @Test
    void choosesTheTwoByteFormForAValueOver16Bytes() throws WireFormatException {
        byte[] value = new byte[17];
        int length = writer.reset().ssrc(9).extension(1, value, 0, 16).writeTo(out, 0);
        assertThat(Hex.of(out, 12, 4)).isEqualTo("bede0005");
        assertThat(length).isEqualTo(12 + 4 + 20);
        length = writer.extension(2, value, 0, 17).writeTo(out, 0);
        assertThat(Hex.of(out, 12, 4)).isEqualTo("1000000a");
        RtpPacket p = RtpPacket.parse(out, 0, length);
        assertThat(ValueLengths.of(p)).containsExactly(16, 17);
    }

    @Test
    void refusesMisuse() {
        byte[] v = new byte[300];
        assertThatThrownBy(() -> writer.extension(0, v, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.extension(256, v, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.extension(1, v, 0, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.payloadType(128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.reset().ssrc(1).writeTo(new byte[11], 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("too small");
        for (int i = 0; i < 15; i++) {
            writer.csrc(i);
        }
        assertThatThrownBy(() -> writer.csrc(16)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RtpHeaderWriter.addPadding(out, 0, 12, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The value lengths of a packet's elements. */
    private static final class ValueLengths {
        static java.util.List<Integer> of(RtpPacket p) {
            java.util.List<Integer> lengths = new java.util.ArrayList<>();
            RtpExtensionCursor cursor = new RtpExtensionCursor().reset(p);
            while (cursor.next()) {
                lengths.add(cursor.valueLength());
            }
            return lengths;
        }
    }
}
