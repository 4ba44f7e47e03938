package io.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

class MessageCodecFuzzTest {
    private static final MessageCodec CODEC = new MessageCodec();

    /** Any bytes: either a request that re-encodes to itself, or a ProtocolException with a code. */
    @FuzzTest
    void decodeAnyBytes(byte[] input) {
        Request decoded;
        try {
            decoded = CODEC.decodeRequest(input);
        } catch (ProtocolException e) {
            assertThat(e.code()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        try {
            assertThat(CODEC.decodeRequest(CODEC.encode(decoded))).isEqualTo(decoded);
        } catch (ProtocolException e) {
            throw new AssertionError("re-encoded request does not decode: " + e.getMessage(), e);
        }
    }
}
