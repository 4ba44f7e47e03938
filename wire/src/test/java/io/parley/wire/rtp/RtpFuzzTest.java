package io.parley.wire.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.parley.wire.WireFormatException;
import java.util.Arrays;

/**
 * Round-trip fuzz target of {@link RtpPacket} and {@link RtpHeaderWriter}: whatever parses must
 * be rebuilt from its fields, parse again and compare equal field by field, extension by
 * extension. Any unchecked exception is a finding. Seeds: {@code RtpFuzzTestInputs/parseWriteParse/}.
 */
class RtpFuzzTest {
    private final RtpHeaderWriter writer = new RtpHeaderWriter(4096);
    private final RtpExtensionCursor firstCursor = new RtpExtensionCursor();
    private final RtpExtensionCursor secondCursor = new RtpExtensionCursor();

    @FuzzTest
    void parseWriteParse(byte[] data) throws WireFormatException {
        RtpPacket first;
        try {
            first = RtpPacket.parse(data, 0, data.length);
        } catch (WireFormatException expected) {
            return;
        }
        byte[] out = new byte[data.length + 64];
        int length = RtpRoundTrip.rewrite(first, writer, out);
        RtpPacket second = RtpPacket.parse(out, 0, length);

        assertThat(second.marker()).isEqualTo(first.marker());
        assertThat(second.payloadType()).isEqualTo(first.payloadType());
        assertThat(second.sequenceNumber()).isEqualTo(first.sequenceNumber());
        assertThat(second.timestamp()).isEqualTo(first.timestamp());
        assertThat(second.ssrc()).isEqualTo(first.ssrc());
        assertThat(second.csrcCount()).isEqualTo(first.csrcCount());
        for (int i = 0; i < first.csrcCount(); i++) {
            assertThat(second.csrc(i)).isEqualTo(first.csrc(i));
        }
        assertThat(second.paddingLength()).isEqualTo(first.paddingLength());
        assertThat(range(out, second.payloadOffset(), second.payloadLength()))
                .isEqualTo(range(data, first.payloadOffset(), first.payloadLength()));
        firstCursor.reset(first);
        secondCursor.reset(second);
        while (firstCursor.next()) {
            assertThat(secondCursor.next()).isTrue();
            assertThat(secondCursor.id()).isEqualTo(firstCursor.id());
            assertThat(range(out, secondCursor.valueOffset(), secondCursor.valueLength()))
                    .isEqualTo(range(data, firstCursor.valueOffset(), firstCursor.valueLength()));
            long found = second.findExtension(firstCursor.id());
            assertThat(found).isNotEqualTo(RtpPacket.NOT_FOUND);
        }
        assertThat(secondCursor.next()).isFalse();
    }

    private static byte[] range(byte[] b, int offset, int length) {
        return Arrays.copyOfRange(b, offset, offset + length);
    }
}
