package io.parley.wire.stun;

import static io.parley.wire.stun.Rfc5769Vectors.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** RFC 5769 §2 vectors, parsed field by field and written back byte for byte. */
class StunRfc5769Test {
    private static final byte[] SHORT_KEY = StunCredentials.shortTermKey(SHORT_TERM_PASSWORD);

    @Test
    void parsesTheSampleRequest() throws WireFormatException {
        StunMessage m = StunMessage.parse(REQUEST, 0, REQUEST.length);
        assertThat(m.messageType()).isEqualTo(StunMessageType.BINDING_REQUEST);
        assertThat(m.method()).isEqualTo(StunMessageType.BINDING);
        assertThat(m.messageClass()).isEqualTo(StunMessageType.REQUEST);
        assertThat(m.transactionId()).isEqualTo(TRANSACTION_ID);
        assertThat(m.transactionIdEquals(TRANSACTION_ID, 0)).isTrue();
        assertThat(m.software()).isEqualTo("STUN test client");
        assertThat(m.priority()).hasValue(0x6e0001ffL);
        assertThat(m.iceControlled()).hasValue(0x932ff9b151263b36L);
        assertThat(m.iceControlling()).isEmpty();
        assertThat(m.useCandidate()).isFalse();
        assertThat(m.username()).isEqualTo("evtj:h6vY");
        assertThat(m.attributeCount()).isEqualTo(6);
        assertThat(m.unknownComprehensionRequired()).isEmpty();
        assertThat(m.checkMessageIntegrity(SHORT_KEY)).isTrue();
        assertThat(m.checkFingerprint()).isTrue();
    }

    @Test
    void writesTheSampleRequest() {
        byte[] out = new byte[200];
        int length = new StunWriter(out, 0).padding(0x20)
                .start(StunMessageType.BINDING_REQUEST, TRANSACTION_ID)
                .software("STUN test client")
                .priority(0x6e0001ffL)
                .iceControlled(0x932ff9b151263b36L)
                .username("evtj:h6vY")
                .messageIntegrity(SHORT_KEY)
                .fingerprint()
                .length();
        assertThat(Hex.of(out, 0, length)).isEqualTo(Hex.of(REQUEST));
    }

    @Test
    void parsesTheIpv4Response() throws Exception {
        StunMessage m = StunMessage.parse(IPV4_RESPONSE, 0, IPV4_RESPONSE.length);
        assertThat(m.messageType()).isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
        assertThat(m.messageClass()).isEqualTo(StunMessageType.SUCCESS_RESPONSE);
        assertThat(m.transactionId()).isEqualTo(TRANSACTION_ID);
        assertThat(m.software()).isEqualTo("test vector");
        assertThat(m.xorMappedAddress())
                .isEqualTo(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853));
        assertThat(m.checkMessageIntegrity(SHORT_KEY)).isTrue();
        assertThat(m.checkFingerprint()).isTrue();
    }

    @Test
    void writesTheIpv4Response() throws Exception {
        assertThat(writeResponse(InetAddress.getByName("192.0.2.1"))).isEqualTo(Hex.of(IPV4_RESPONSE));
    }

    @Test
    void parsesTheIpv6Response() throws Exception {
        StunMessage m = StunMessage.parse(IPV6_RESPONSE, 0, IPV6_RESPONSE.length);
        assertThat(m.messageType()).isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
        assertThat(m.software()).isEqualTo("test vector");
        assertThat(m.xorMappedAddress()).isEqualTo(
                new InetSocketAddress(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
        assertThat(m.checkMessageIntegrity(SHORT_KEY)).isTrue();
        assertThat(m.checkFingerprint()).isTrue();
    }

    @Test
    void writesTheIpv6Response() throws Exception {
        assertThat(writeResponse(InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677")))
                .isEqualTo(Hex.of(IPV6_RESPONSE));
    }

    /** §2.2 and §2.3 differ only in the mapped address. */
    private static String writeResponse(InetAddress mapped) {
        byte[] out = new byte[200];
        int length = new StunWriter(out, 0).padding(0x20)
                .start(StunMessageType.BINDING_SUCCESS_RESPONSE, TRANSACTION_ID)
                .software("test vector")
                .xorMappedAddress(new InetSocketAddress(mapped, 32853))
                .messageIntegrity(SHORT_KEY)
                .fingerprint()
                .length();
        return Hex.of(out, 0, length);
    }

    @Test
    void parsesTheLongTermRequest() throws WireFormatException {
        StunMessage m = StunMessage.parse(LONG_TERM_REQUEST, 0, LONG_TERM_REQUEST.length);
        assertThat(m.messageType()).isEqualTo(StunMessageType.BINDING_REQUEST);
        assertThat(m.transactionId()).isEqualTo(LONG_TERM_TRANSACTION_ID);
        assertThat(m.username()).isEqualTo(LONG_TERM_USERNAME);
        assertThat(m.nonce()).isEqualTo(LONG_TERM_NONCE);
        assertThat(m.realm()).isEqualTo(LONG_TERM_REALM);
        assertThat(m.hasFingerprint()).isFalse();
        assertThat(m.checkFingerprint()).isFalse();
        byte[] key = StunCredentials.longTermKey(LONG_TERM_USERNAME, LONG_TERM_REALM, LONG_TERM_PASSWORD);
        assertThat(m.checkMessageIntegrity(key)).isTrue();
    }

    @Test
    void writesTheLongTermRequest() {
        byte[] out = new byte[200];
        int length = new StunWriter(out, 0)
                .start(StunMessageType.BINDING_REQUEST, LONG_TERM_TRANSACTION_ID)
                .username(LONG_TERM_USERNAME)
                .nonce(LONG_TERM_NONCE)
                .realm(LONG_TERM_REALM)
                .messageIntegrity(StunCredentials.longTermKey(LONG_TERM_USERNAME, LONG_TERM_REALM, LONG_TERM_PASSWORD))
                .length();
        assertThat(Hex.of(out, 0, length)).isEqualTo(Hex.of(LONG_TERM_REQUEST));
    }

    @Test
    void aWrongPasswordFailsTheIntegrityCheck() throws WireFormatException {
        for (byte[] vector : new byte[][] {REQUEST, IPV4_RESPONSE, IPV6_RESPONSE}) {
            StunMessage m = StunMessage.parse(vector, 0, vector.length);
            assertThat(m.checkMessageIntegrity(StunCredentials.shortTermKey("VOkJxbRl1RmTxUk/WvJxBu"))).isFalse();
            assertThat(m.checkMessageIntegrity(new byte[0])).isFalse();
        }
        StunMessage longTerm = StunMessage.parse(LONG_TERM_REQUEST, 0, LONG_TERM_REQUEST.length);
        assertThat(longTerm.checkMessageIntegrity(
                StunCredentials.longTermKey(LONG_TERM_USERNAME, LONG_TERM_REALM, "TheMatrix"))).isFalse();
    }

    @Test
    void aFlippedByteFailsTheFingerprintAndTheIntegrity() throws WireFormatException {
        byte[] copy = REQUEST.clone();
        copy[30] ^= 0x01; // inside SOFTWARE: still parses
        StunMessage m = StunMessage.parse(copy, 0, copy.length);
        assertThat(m.checkFingerprint()).isFalse();
        assertThat(m.checkMessageIntegrity(SHORT_KEY)).isFalse();
    }

    @Test
    void parsesAtAnOffsetInsideALargerBuffer() throws WireFormatException {
        byte[] framed = new byte[REQUEST.length + 7];
        System.arraycopy(REQUEST, 0, framed, 3, REQUEST.length);
        StunMessage m = StunMessage.parse(framed, 3, REQUEST.length);
        assertThat(m.username()).isEqualTo("evtj:h6vY");
        assertThat(m.checkMessageIntegrity(SHORT_KEY)).isTrue();
        assertThat(m.checkFingerprint()).isTrue();
        assertThat(StunMessage.isStun(framed, 3, REQUEST.length)).isTrue();
    }
}
