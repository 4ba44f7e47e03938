package io.parley.wire.stun;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.parley.wire.WireFormatException;

/**
 * Round-trip fuzz target of {@link StunMessage} and {@link StunWriter}: whatever parses must
 * survive every getter, re-encode attribute by attribute, parse again and compare equal. Any
 * unchecked exception is a finding. Seeds: {@code StunFuzzTestInputs/parseWriteParse/}.
 */
class StunFuzzTest {
    private static final byte[] KEY = StunCredentials.shortTermKey(Rfc5769Vectors.SHORT_TERM_PASSWORD);

    @FuzzTest
    void parseWriteParse(byte[] data) throws WireFormatException {
        StunMessage first;
        try {
            first = StunMessage.parse(data, 0, data.length);
        } catch (WireFormatException expected) {
            return;
        }
        readEverything(first);

        byte[] out = new byte[data.length];
        StunWriter writer = new StunWriter(out, 0).start(first.messageType(), first.transactionId());
        for (int i = 0; i < first.attributeCount(); i++) {
            int type = first.attributeType(i);
            if (type == StunAttribute.FINGERPRINT) {
                writer.fingerprint();
            } else if (i != first.indexOf(type) || !writeTyped(writer, first, type)) {
                writer.attribute(type, data, first.attributeValueOffset(i), first.attributeValueLength(i));
            }
        }
        assertThat(writer.length()).isEqualTo(data.length);
        StunMessage second = StunMessage.parse(out, 0, writer.length());

        assertThat(second.messageType()).isEqualTo(first.messageType());
        assertThat(second.transactionIdEquals(data, first.transactionIdOffset() - first.offset())).isTrue();
        assertThat(second.attributeCount()).isEqualTo(first.attributeCount());
        for (int i = 0; i < first.attributeCount(); i++) {
            assertThat(second.attributeType(i)).isEqualTo(first.attributeType(i));
            if (!StunAttribute.isKnown(first.attributeType(i))) {
                assertThat(java.util.Arrays.equals(data, first.attributeValueOffset(i),
                        first.attributeValueOffset(i) + first.attributeValueLength(i), out,
                        second.attributeValueOffset(i), second.attributeValueOffset(i) + second.attributeValueLength(i)))
                        .isTrue();
            }
        }
        assertThat(second.checkFingerprint()).isEqualTo(first.hasFingerprint());
        assertThat(second.xorMappedAddress()).isEqualTo(first.xorMappedAddress());
        assertThat(second.mappedAddress()).isEqualTo(first.mappedAddress());
        assertThat(second.priority()).isEqualTo(first.priority());
        assertThat(second.iceControlling()).isEqualTo(first.iceControlling());
        assertThat(second.iceControlled()).isEqualTo(first.iceControlled());
        assertThat(second.useCandidate()).isEqualTo(first.useCandidate());
        assertThat(second.unknownAttributes()).isEqualTo(first.unknownAttributes());
        assertThat(second.username()).isEqualTo(first.username());
        assertThat(second.software()).isEqualTo(first.software());
        assertThat(second.realm()).isEqualTo(first.realm());
        assertThat(second.nonce()).isEqualTo(first.nonce());
        assertThat(second.errorReason()).isEqualTo(first.errorReason());
        assertThat(second.errorCode()).isEqualTo(first.errorCode());
        assertThat(second.unknownComprehensionRequired()).isEqualTo(first.unknownComprehensionRequired());
    }

    /**
     * Re-encodes the first attribute of {@code type} through the writer's typed method, for the
     * types whose getter holds the whole value; text is left raw because a getter cannot give
     * back malformed UTF-8.
     */
    private static boolean writeTyped(StunWriter w, StunMessage m, int type) {
        switch (type) {
            case StunAttribute.XOR_MAPPED_ADDRESS -> w.xorMappedAddress(m.xorMappedAddress());
            case StunAttribute.MAPPED_ADDRESS -> w.mappedAddress(m.mappedAddress());
            case StunAttribute.PRIORITY -> w.priority(m.priority().getAsLong());
            case StunAttribute.ICE_CONTROLLING -> w.iceControlling(m.iceControlling().getAsLong());
            case StunAttribute.ICE_CONTROLLED -> w.iceControlled(m.iceControlled().getAsLong());
            case StunAttribute.USE_CANDIDATE -> w.useCandidate();
            case StunAttribute.UNKNOWN_ATTRIBUTES -> w.unknownAttributes(m.unknownAttributes());
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void readEverything(StunMessage m) {
        m.method();
        m.messageClass();
        m.username();
        m.software();
        m.realm();
        m.nonce();
        m.xorMappedAddress();
        m.mappedAddress();
        m.alternateServer();
        m.priority();
        m.useCandidate();
        m.iceControlling();
        m.iceControlled();
        m.errorCode();
        m.errorReason();
        m.unknownAttributes();
        m.unknownComprehensionRequired();
        m.checkMessageIntegrity(KEY);
        m.checkFingerprint();
        StunMessage.isStun(m.buffer(), m.offset(), m.length());
    }
}
