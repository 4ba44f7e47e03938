package io.parley.wire.rtcp;

import static io.parley.wire.rtcp.RtcpTruncation.assertEveryTruncationRejected;
import static io.parley.wire.rtcp.RtcpTruncation.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RtcpGoodbyeAppTest {
    private final byte[] out = new byte[256];

    @Test
    void parsesAByeWithAReason() throws WireFormatException {
        Goodbye bye = new Goodbye();
        bye.wrap(RtcpVectors.BYE, 0, RtcpVectors.BYE.length);
        assertThat(bye.sourceCount()).isEqualTo(2);
        assertThat(bye.ssrc(0)).isEqualTo(0x12345678L);
        assertThat(bye.ssrc(1)).isEqualTo(0x9abcdef0L);
        assertThat(bye.hasReason()).isTrue();
        assertThat(bye.reasonOffset()).isEqualTo(13);
        assertThat(bye.reasonLength()).isEqualTo(4);
        assertThat(bye.reason()).isEqualTo("left");
        assertThatThrownBy(() -> bye.ssrc(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void parsesAByeWithoutAReason() throws WireFormatException {
        Goodbye bye = new Goodbye();
        bye.wrap(RtcpVectors.BYE_NO_REASON, 0, RtcpVectors.BYE_NO_REASON.length);
        assertThat(bye.sourceCount()).isEqualTo(1);
        assertThat(bye.ssrc(0)).isEqualTo(0x9abcdef0L);
        assertThat(bye.hasReason()).isFalse();
        assertThat(bye.reasonLength()).isZero();
        assertThat(bye.reason()).isNull();
    }

    @Test
    void writesBothByeVectors() {
        int n = Goodbye.write(out, 0, new long[] {0x12345678L, 0x9abcdef0L}, 2, "left".getBytes(StandardCharsets.UTF_8));
        assertThat(Hex.of(out, 0, n)).isEqualTo(Hex.of(RtcpVectors.BYE));
        n = Goodbye.write(out, 0, new long[] {0x9abcdef0L}, 1, null);
        assertThat(Hex.of(out, 0, n)).isEqualTo(Hex.of(RtcpVectors.BYE_NO_REASON));
    }

    @Test
    void rejectsAReasonLongerThanThePacketAndMissingSources() {
        byte[] longReason = Hex.parse("""
                81 cb 00 02   # SC=1 | PT=203 BYE | length=2 words
                9a bc de f0   # SSRC 1
                08 6c 65 66   # reason claiming 8 bytes, 3 present
                """);
        assertThatThrownBy(() -> new Goodbye().wrap(longReason, 0, longReason.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("RTCP BYE reason");
        byte[] tooManySources = RtcpVectors.BYE_NO_REASON.clone();
        tooManySources[0] = (byte) 0x83;
        assertThatThrownBy(() -> new Goodbye().wrap(tooManySources, 0, tooManySources.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("with 3 sources");
    }

    @Test
    void parsesAndWritesAnApp() throws WireFormatException {
        AppPacket app = new AppPacket();
        app.wrap(RtcpVectors.APP, 0, RtcpVectors.APP.length);
        assertThat(app.subtype()).isEqualTo(2);
        assertThat(app.ssrc()).isEqualTo(0x12345678L);
        assertThat(app.name4()).isEqualTo(0x50524c59);
        assertThat(app.dataOffset()).isEqualTo(12);
        assertThat(app.dataLength()).isEqualTo(4);
        assertThat(app.buffer()[app.dataOffset() + 3]).isEqualTo((byte) 0x2a);
        int n = AppPacket.write(out, 0, 2, 0x12345678L, 0x50524c59, new byte[] {0, 0, 0, 0x2a}, 0, 4);
        assertThat(Hex.of(out, 0, n)).isEqualTo(Hex.of(RtcpVectors.APP));
    }

    @Test
    void rejectsAnAppWithoutAName() {
        byte[] noName = Hex.parse("""
                80 cc 00 01   # subtype 0 | PT=204 APP | length=1 word
                12 34 56 78   # SSRC, then no name
                """);
        assertThatThrownBy(() -> new AppPacket().wrap(noName, 0, noName.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("SSRC and name");
    }

    @Test
    void rejectsEveryTruncation() {
        assertEveryTruncationRejected(RtcpVectors.BYE, view(Goodbye::new));
        assertEveryTruncationRejected(RtcpVectors.BYE_NO_REASON, view(Goodbye::new));
        assertEveryTruncationRejected(RtcpVectors.APP, view(AppPacket::new));
    }
}
