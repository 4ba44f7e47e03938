package io.parley.wire.rtp;

import static io.parley.wire.rtp.RtpVectors.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing the {@link RtpVectors} field by field, the extension cursor and the in-place rewrites. */
class RtpPacketTest {
    private static RtpPacket parse(byte[] b) throws WireFormatException {
        return RtpPacket.parse(b, 0, b.length);
    }

    /** Every extension element as "id=hex", in wire order. */
    static List<String> elements(RtpPacket p) {
        List<String> out = new ArrayList<>();
        RtpExtensionCursor cursor = new RtpExtensionCursor().reset(p);
        while (cursor.next()) {
            out.add(cursor.id() + "=" + Hex.of(p.buffer(), cursor.valueOffset(), cursor.valueLength()));
        }
        return out;
    }

    @Test
    void parsesAPlainPacket() throws WireFormatException {
        RtpPacket p = parse(PLAIN);
        assertThat(p.hasPadding()).isFalse();
        assertThat(p.hasExtension()).isFalse();
        assertThat(p.csrcCount()).isZero();
        assertThat(p.marker()).isFalse();
        assertThat(p.payloadType()).isEqualTo(96);
        assertThat(p.sequenceNumber()).isEqualTo(0x1234);
        assertThat(p.timestamp()).isEqualTo(1000);
        assertThat(p.ssrc()).isEqualTo(0xdeadbeefL);
        assertThat(p.headerLength()).isEqualTo(12);
        assertThat(p.payloadOffset()).isEqualTo(12);
        assertThat(p.payloadLength()).isEqualTo(4);
        assertThat(p.extensionProfile()).isEqualTo(-1);
        assertThat(p.findExtension(1)).isEqualTo(RtpPacket.NOT_FOUND);
        assertThat(elements(p)).isEmpty();
    }

    @Test
    void parsesCsrcsAndTheMarker() throws WireFormatException {
        RtpPacket p = parse(CSRCS_AND_MARKER);
        assertThat(p.csrcCount()).isEqualTo(2);
        assertThat(p.csrc(0)).isEqualTo(0x11111111L);
        assertThat(p.csrc(1)).isEqualTo(0x22222222L);
        assertThat(p.marker()).isTrue();
        assertThat(p.payloadType()).isEqualTo(96);
        assertThat(p.sequenceNumber()).isEqualTo(65535);
        assertThat(p.timestamp()).isEqualTo(0xffffffffL);
        assertThat(p.ssrc()).isEqualTo(1);
        assertThat(p.payloadOffset()).isEqualTo(20);
        assertThat(p.payloadLength()).isEqualTo(2);
    }

    @Test
    void parsesPadding() throws WireFormatException {
        RtpPacket p = parse(PADDED);
        assertThat(p.hasPadding()).isTrue();
        assertThat(p.paddingLength()).isEqualTo(3);
        assertThat(p.payloadType()).isEqualTo(8);
        assertThat(p.payloadLength()).isEqualTo(3);
        assertThat(Hex.of(PADDED, p.payloadOffset(), p.payloadLength())).isEqualTo("d5d5d5");
    }

    @Test
    void parsesOneByteExtensionsWithPaddingBetweenElements() throws WireFormatException {
        RtpPacket p = parse(ONE_BYTE_EXTENSIONS);
        assertThat(p.extensionProfile()).isEqualTo(0xBEDE);
        assertThat(p.extensionDataLength()).isEqualTo(12);
        assertThat(elements(p)).containsExactly("1=ff", "2=010203", "3=aabb");
        long found = p.findExtension(2);
        assertThat(Hex.of(ONE_BYTE_EXTENSIONS, RtpPacket.valueOffset(found), RtpPacket.valueLength(found)))
                .isEqualTo("010203");
        assertThat(p.findExtension(4)).isEqualTo(RtpPacket.NOT_FOUND);
        assertThat(Hex.of(ONE_BYTE_EXTENSIONS, p.payloadOffset(), p.payloadLength())).isEqualTo("f00d");
    }

    @Test
    void parsesTwoByteExtensionsWithAZeroLengthElement() throws WireFormatException {
        RtpPacket p = parse(TWO_BYTE_EXTENSIONS);
        assertThat(p.extensionProfile()).isEqualTo(0x1000);
        assertThat(elements(p)).containsExactly("15=", "32=616263");
        assertThat(RtpPacket.valueLength(p.findExtension(15))).isZero();
        assertThat(Hex.of(TWO_BYTE_EXTENSIONS, p.payloadOffset(), p.payloadLength())).isEqualTo("c0ffee");

        byte[] appBits = TWO_BYTE_EXTENSIONS.clone();
        appBits[13] = 0x0a; // profile 0x100A: appbits do not change the form
        assertThat(elements(parse(appBits))).containsExactly("15=", "32=616263");
    }

    @Test
    void oneByteId15StopsTheWalk() throws WireFormatException {
        RtpPacket p = parse(Hex.parse("""
                90 60 00 07    # V=2 X=1 | PT=96 | sequence number 7
                00 00 00 00    # timestamp
                00 00 00 04    # SSRC
                be de 00 02    # one-byte form, 2 words
                10 01          # ID 1, 1 byte
                f3             # ID 15: the rest is not parsed
                ff ff ff ff 77 # would be an element running past the block
                """));
        assertThat(elements(p)).containsExactly("1=01");
    }

    @Test
    void oneByteId0IsPaddingWhateverItsLengthNibble() throws WireFormatException {
        RtpPacket p = parse(Hex.parse("""
                90 60 00 07    # V=2 X=1 | PT=96 | sequence number 7
                00 00 00 00    # timestamp
                00 00 00 04    # SSRC
                be de 00 01    # one-byte form, 1 word
                0a             # ID 0 with length nibble 10: a padding byte all the same
                10 01          # ID 1, 1 byte
                00             # padding
                """));
        assertThat(elements(p)).containsExactly("1=01");
    }

    @Test
    void otherProfilesAreOpaque() throws WireFormatException {
        RtpPacket p = parse(Hex.parse("""
                90 60 00 08    # V=2 X=1 | PT=96 | sequence number 8
                00 00 00 00    # timestamp
                00 00 00 05    # SSRC
                ab cd 00 01    # profile 0xABCD, 1 word
                ff ff ff ff    # profile-specific data
                """));
        assertThat(p.extensionProfile()).isEqualTo(0xABCD);
        assertThat(p.extensionDataLength()).isEqualTo(4);
        assertThat(elements(p)).isEmpty();
        assertThat(p.findExtension(15)).isEqualTo(RtpPacket.NOT_FOUND);
        assertThat(p.payloadLength()).isZero();
    }

    @Test
    void parsesTheChromiumAudioPacket() throws WireFormatException {
        RtpPacket p = parse(CHROMIUM_AUDIO);
        assertThat(p.payloadType()).isEqualTo(111);
        assertThat(p.sequenceNumber()).isEqualTo(6699);
        assertThat(p.timestamp()).isEqualTo(123456);
        assertThat(p.ssrc()).isEqualTo(0x12345678L);
        assertThat(elements(p)).containsExactly("1=8a", "2=123456", "3=002a", "4=30");
        long twcc = p.findExtension(TRANSPORT_WIDE_CC);
        assertThat(RtpPacket.valueLength(twcc)).isEqualTo(2);
        assertThat(io.parley.wire.Bytes.u16(CHROMIUM_AUDIO, RtpPacket.valueOffset(twcc))).isEqualTo(42);
        assertThat(Hex.of(CHROMIUM_AUDIO, p.payloadOffset(), p.payloadLength())).isEqualTo("fcfffe");
    }

    @Test
    void oneViewIsRepointedFromPacketToPacket() throws WireFormatException {
        RtpPacket view = new RtpPacket();
        assertThat(view.wrap(CHROMIUM_AUDIO, 0, CHROMIUM_AUDIO.length).findExtension(MID))
                .isNotEqualTo(RtpPacket.NOT_FOUND);
        assertThat(view.wrap(PLAIN, 0, PLAIN.length).findExtension(MID)).isEqualTo(RtpPacket.NOT_FOUND);
        assertThat(view.ssrc()).isEqualTo(0xdeadbeefL);
        assertThat(view.wrap(PADDED, 0, PADDED.length).payloadLength()).isEqualTo(3);
        assertThat(view.buffer()).isSameAs(PADDED);
    }

    @Test
    void rewritesHeaderFieldsAndExtensionsInPlace() throws WireFormatException {
        byte[] b = new byte[CHROMIUM_AUDIO.length + 5];
        System.arraycopy(CHROMIUM_AUDIO, 0, b, 5, CHROMIUM_AUDIO.length);
        RtpPacket p = RtpPacket.parse(b, 5, CHROMIUM_AUDIO.length);
        p.setSsrc(0xcafebabeL);
        p.setSequenceNumber(0x1_0002);
        p.setTimestamp(0x1_0000_0007L);
        p.setPayloadType(100);
        p.setMarker(true);
        assertThat(p.rewriteExtension(ABS_SEND_TIME, 0xabcdef)).isTrue();
        assertThat(p.rewriteExtension(TRANSPORT_WIDE_CC, 0x1_0305)).isTrue();
        assertThat(p.rewriteExtension(9, 1)).isFalse();
        assertThat(Hex.of(b, 5, CHROMIUM_AUDIO.length)).isEqualTo(Hex.of(Hex.parse("""
                90 e4 00 02    # M=1 PT=100 | sequence number 2
                00 00 00 07    # timestamp 7
                ca fe ba be    # SSRC
                be de 00 03    # one-byte form, 3 words
                10 8a          # ssrc-audio-level, untouched
                22 ab cd ef    # abs-send-time, rewritten
                31 03 05       # transport-wide-cc, rewritten (low 16 bits)
                40 30          # mid, untouched
                00             # padding
                fc ff fe       # payload, untouched
                """)));
        p.setMarker(false);
        assertThat(p.marker()).isFalse();
        assertThat(p.payloadType()).isEqualTo(100);
    }
}
