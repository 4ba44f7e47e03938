package io.parley.wire.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Attributes the RFC 5769 vectors do not carry, the unknown-attribute rules and writer misuse. */
class StunMessageTest {
    private static final byte[] ID = Hex.parse("01 02 03 04 05 06 07 08 09 0a 0b 0c");

    @Test
    void messageTypesInterleaveClassBits() {
        assertThat(StunMessageType.BINDING_REQUEST).isEqualTo(0x0001);
        assertThat(StunMessageType.BINDING_INDICATION).isEqualTo(0x0011);
        assertThat(StunMessageType.BINDING_SUCCESS_RESPONSE).isEqualTo(0x0101);
        assertThat(StunMessageType.BINDING_ERROR_RESPONSE).isEqualTo(0x0111);
        // Allocate (0x003, RFC 8656) error response, and the full 12-bit method range.
        assertThat(StunMessageType.of(0x003, StunMessageType.ERROR_RESPONSE)).isEqualTo(0x0113);
        for (int method = 0; method <= 0xFFF; method += 0x111) {
            for (int c = 0; c < 4; c++) {
                int type = StunMessageType.of(method, c);
                assertThat(type & ~0x3FFF).isZero();
                assertThat(StunMessageType.method(type)).isEqualTo(method);
                assertThat(StunMessageType.messageClass(type)).isEqualTo(c);
            }
        }
        assertThatThrownBy(() -> StunMessageType.of(0x1000, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesAndReadsAnIceControllingCheck() throws WireFormatException {
        byte[] out = new byte[256];
        byte[] key = StunCredentials.shortTermKey("a-password-of-22-chars");
        int length = new StunWriter(out, 0).start(StunMessageType.BINDING_REQUEST, ID)
                .username("remote:local").priority(0xFFFF_FFFFL).useCandidate().iceControlling(-2L)
                .messageIntegrity(key).fingerprint().length();
        StunMessage m = StunMessage.parse(out, 0, length);
        assertThat(m.username()).isEqualTo("remote:local");
        assertThat(m.priority()).hasValue(0xFFFF_FFFFL);
        assertThat(m.useCandidate()).isTrue();
        assertThat(m.iceControlling()).hasValue(-2L);
        assertThat(m.iceControlled()).isEmpty();
        assertThat(m.checkMessageIntegrity(key)).isTrue();
        assertThat(m.checkFingerprint()).isTrue();
    }

    @Test
    void writesAndReadsA420WithErrorCodeAndUnknownAttributes() throws WireFormatException {
        byte[] out = new byte[256];
        int length = new StunWriter(out, 0).start(StunMessageType.BINDING_ERROR_RESPONSE, ID)
                .errorCode(420, "Unknown Attribute").unknownAttributes(0x0031, 0x7fff, 0x0002).fingerprint().length();
        assertThat(Hex.of(out, 0, length)).isEqualTo(Hex.of(Hex.parse("""
                01 11 00 30    # Binding error response, length 48
                21 12 a4 42    # Magic cookie
                01 02 03 04 05 06 07 08 09 0a 0b 0c  # Transaction ID
                00 09 00 15    # ERROR-CODE, 21 bytes
                00 00 04 14    # reserved, class 4, number 20
                55 6e 6b 6e 6f 77 6e 20 41 74 74 72 69 62 75 74 65  # "Unknown Attribute"
                00 00 00       # padding
                00 0a 00 06    # UNKNOWN-ATTRIBUTES, 3 types
                00 31 7f ff 00 02  # the types
                00 00          # padding
                80 28 00 04    # FINGERPRINT
                """ + Hex.of(out, length - 4, 4) + "  # CRC32 fingerprint")));
        StunMessage m = StunMessage.parse(out, 0, length);
        assertThat(m.errorCode()).isEqualTo(420);
        assertThat(m.errorReason()).isEqualTo("Unknown Attribute");
        assertThat(m.unknownAttributes()).containsExactly(0x0031, 0x7fff, 0x0002);
        assertThat(m.checkFingerprint()).isTrue();
    }

    @Test
    void mappedAddressIsNotXored() throws Exception {
        byte[] out = new byte[64];
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853);
        int length = new StunWriter(out, 0).start(StunMessageType.BINDING_SUCCESS_RESPONSE, ID)
                .mappedAddress(v4).length();
        assertThat(Hex.of(out, 20, 12)).isEqualTo(Hex.of(Hex.parse("""
                00 01 00 08    # MAPPED-ADDRESS header
                00 01 80 55    # reserved, family IPv4, port 32853
                c0 00 02 01    # 192.0.2.1
                """)));
        assertThat(StunMessage.parse(out, 0, length).mappedAddress()).isEqualTo(v4);
    }

    @Test
    void keepsAnIpv4MappedIpv6AddressAsIpv6() throws WireFormatException {
        byte[] b = Hex.parse("""
                01 01 00 18    # Binding success response, length 24
                21 12 a4 42    # Magic cookie
                00 00 00 00 00 00 00 00 00 00 00 00  # Transaction ID
                00 01 00 14    # MAPPED-ADDRESS, 20 bytes
                00 02 00 50    # family IPv6, port 80
                00 00 00 00 00 00 00 00 00 00 ff ff c0 00 02 01  # ::ffff:192.0.2.1
                """);
        InetSocketAddress a = StunMessage.parse(b, 0, b.length).mappedAddress();
        assertThat(a.getAddress().getAddress()).hasSize(16);
        byte[] out = new byte[64];
        int length = new StunWriter(out, 0).start(StunMessageType.BINDING_SUCCESS_RESPONSE, new byte[12])
                .mappedAddress(a).length();
        assertThat(Hex.of(out, 0, length)).isEqualTo(Hex.of(b));
    }

    @Test
    void listsUnknownComprehensionRequiredAttributesAndKeepsOptionalOnes() throws WireFormatException {
        byte[] b = Hex.parse("""
                00 01 00 18    # Binding request, length 24
                21 12 a4 42    # Magic cookie
                00 00 00 01 00 00 00 02 00 00 00 03  # Transaction ID
                00 31 00 01    # 0x0031: unknown, comprehension-required
                aa 00 00 00    # value and padding
                c0 57 00 04    # 0xC057 (GOOG-NETWORK-INFO): unknown, comprehension-optional
                00 01 00 0a    # value
                00 31 00 00    # 0x0031 again: listed once
                00 1c 00 00    # 0x001C: unknown here, comprehension-required
                """);
        StunMessage m = StunMessage.parse(b, 0, b.length);
        assertThat(m.unknownComprehensionRequired()).containsExactly(0x0031, 0x001C);
        int optional = m.indexOf(0xC057);
        assertThat(optional).isEqualTo(1);
        assertThat(Hex.of(b, m.attributeValueOffset(optional), m.attributeValueLength(optional))).isEqualTo("0001000a");

        byte[] out = new byte[64];
        StunWriter w = new StunWriter(out, 0).start(m.messageType(), m.transactionId());
        for (int i = 0; i < m.attributeCount(); i++) {
            w.attribute(m.attributeType(i), b, m.attributeValueOffset(i), m.attributeValueLength(i));
        }
        assertThat(Hex.of(out, 0, w.length())).isEqualTo(Hex.of(b));
    }

    @Test
    void wrapReusesOneViewAcrossMessages() throws WireFormatException {
        StunMessage view = new StunMessage();
        view.wrap(Rfc5769Vectors.REQUEST, 0, Rfc5769Vectors.REQUEST.length);
        assertThat(view.username()).isEqualTo("evtj:h6vY");
        view.wrap(Rfc5769Vectors.IPV4_RESPONSE, 0, Rfc5769Vectors.IPV4_RESPONSE.length);
        assertThat(view.username()).isNull();
        assertThat(view.attributeCount()).isEqualTo(4);
        assertThat(view.priority()).isEmpty();
        assertThat(view.errorCode()).isEqualTo(-1);
    }

    @Test
    void theWriterRefusesMisuse() {
        byte[] out = new byte[64];
        StunWriter w = new StunWriter(out, 0);
        assertThatThrownBy(w::useCandidate).isInstanceOf(IllegalStateException.class).hasMessageContaining("start");
        w.start(StunMessageType.BINDING_REQUEST, ID).fingerprint();
        assertThatThrownBy(w::useCandidate).hasMessageContaining("nothing may follow FINGERPRINT");
        w.start(StunMessageType.BINDING_REQUEST, ID).messageIntegrity(new byte[] {1});
        assertThatThrownBy(w::useCandidate).hasMessageContaining("only FINGERPRINT");
        assertThatThrownBy(() -> w.start(StunMessageType.BINDING_REQUEST, ID).software("x".repeat(64)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("too small");
        assertThatThrownBy(() -> w.start(StunMessageType.BINDING_REQUEST, new byte[11]))
                .isInstanceOf(IllegalArgumentException.class);
        StunWriter big = new StunWriter(new byte[2048], 0).start(StunMessageType.BINDING_REQUEST, ID);
        assertThatThrownBy(() -> big.username("u".repeat(509))).hasMessageContaining("exceeds 508");
        assertThatThrownBy(() -> big.software("s".repeat(764))).hasMessageContaining("exceeds 763");
        assertThatThrownBy(() -> big.errorCode(400, "r".repeat(764))).hasMessageContaining("exceeds 763");
        assertThatThrownBy(() -> big.errorCode(700, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
