package io.parley.wire.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import org.junit.jupiter.api.Test;

/** Malformed and truncated STUN messages: each raises {@link WireFormatException} with a message naming the fault. */
class StunMalformedTest {
    private static final String HEADER_BODY_8 = """
            00 01 00 08    # Binding request, length 8
            21 12 a4 42    # Magic cookie
            00 00 00 01    # Transaction ID
            00 00 00 02    #   ..
            00 00 00 03    #   ..
            """;

    private static void rejects(byte[] b, String messagePart) {
        assertThatThrownBy(() -> StunMessage.parse(b, 0, b.length))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining(messagePart);
    }

    @Test
    void rejectsABadMagicCookie() {
        byte[] b = Rfc5769Vectors.REQUEST.clone();
        b[4] = 0x21;
        b[7] = 0x43;
        rejects(b, "bad magic cookie");
        assertThat(StunMessage.isStun(b, 0, b.length)).isFalse();
    }

    @Test
    void rejectsTopBitsSet() {
        byte[] b = Rfc5769Vectors.REQUEST.clone();
        b[0] |= (byte) 0x80;
        rejects(b, "top bits");
        assertThat(StunMessage.isStun(b, 0, b.length)).isFalse();
    }

    @Test
    void rejectsALengthThatIsNotAMultipleOf4() {
        rejects(Hex.parse("""
                00 01 00 06    # Binding request, length 6
                21 12 a4 42    # Magic cookie
                00 00 00 01 00 00 00 02 00 00 00 03  # Transaction ID
                80 22 00 02    # SOFTWARE, 2 bytes
                61 62          # "ab", no padding
                """), "not a multiple of 4");
    }

    @Test
    void rejectsALengthThatDisagreesWithTheDatagram() {
        byte[] b = Rfc5769Vectors.REQUEST.clone();
        b[3] = 0x5c;
        rejects(b, "does not match");
    }

    @Test
    void rejectsAnAttributeRunningPastTheEnd() {
        rejects(Hex.parse(HEADER_BODY_8 + """
                80 22 00 08    # SOFTWARE, 8 bytes claimed
                61 62 63 64    # only 4 present
                """), "truncated");
    }

    @Test
    void rejectsTruncatedHeadersAndEmptyBuffers() {
        byte[] request = Rfc5769Vectors.REQUEST;
        for (int len = 0; len < request.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(request, len);
            assertThatThrownBy(() -> StunMessage.parse(cut, 0, cut.length)).isInstanceOf(WireFormatException.class);
        }
        rejects(new byte[0], "STUN header: truncated");
        assertThat(StunMessage.isStun(new byte[0], 0, 0)).isFalse();
        assertThatThrownBy(() -> StunMessage.parse(null, 0, 0)).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> StunMessage.parse(request, 10, request.length))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("outside buffer");
    }

    @Test
    void rejectsABadAddressFamily() {
        rejects(Hex.parse(HEADER_BODY_8.replace("00 01 00 08", "00 01 00 0c") + """
                00 20 00 08    # XOR-MAPPED-ADDRESS, 8 bytes
                00 03 a1 47    # reserved, family 3 (no such family), port
                e1 12 a6 43    # address
                """),
                "bad address family");
    }

    @Test
    void rejectsAnXorMappedAddressOfTheWrongLength() {
        rejects(Hex.parse("""
                01 01 00 10    # Binding success response, length 16
                21 12 a4 42    # Magic cookie
                00 00 00 01 00 00 00 02 00 00 00 03  # Transaction ID
                00 20 00 0c    # XOR-MAPPED-ADDRESS, 12 bytes
                00 01 a1 47    # reserved, family IPv4, port
                e1 12 a6 43    # IPv4 address
                00 00 00 00    # 4 bytes too many for IPv4
                """), "XOR-MAPPED-ADDRESS length 12 for family 1, expected 8");
        rejects(Hex.parse("""
                01 01 00 0c    # Binding success response, length 12
                21 12 a4 42    # Magic cookie
                00 00 00 01 00 00 00 02 00 00 00 03  # Transaction ID
                00 20 00 08    # XOR-MAPPED-ADDRESS, 8 bytes
                00 02 a1 47    # reserved, family IPv6, port
                e1 12 a6 43    # only 4 of the 16 address bytes
                """), "expected 20");
    }

    @Test
    void rejectsMessageIntegrityOfTheWrongLength() {
        rejects(Hex.parse(HEADER_BODY_8.replace("00 01 00 08", "00 01 00 14") + """
                00 08 00 10    # MESSAGE-INTEGRITY, 16 bytes
                00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # not an HMAC-SHA1
                """), "MESSAGE-INTEGRITY length 16, expected 20");
    }

    @Test
    void rejectsAttributesAfterFingerprint() {
        rejects(Hex.parse(HEADER_BODY_8.replace("00 01 00 08", "00 01 00 0c") + """
                80 28 00 04    # FINGERPRINT
                00 00 00 00    # value
                00 25 00 00    # USE-CANDIDATE after it
                """), "USE-CANDIDATE after FINGERPRINT");
    }

    @Test
    void rejectsAnythingButFingerprintAfterMessageIntegrity() {
        rejects(Hex.parse(HEADER_BODY_8.replace("00 01 00 08", "00 01 00 1c") + """
                00 08 00 14    # MESSAGE-INTEGRITY
                00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # HMAC
                00 25 00 00    # USE-CANDIDATE after it
                """), "USE-CANDIDATE after MESSAGE-INTEGRITY");
    }

    @Test
    void rejectsBadFixedLengthsAndBadErrorCodes() {
        rejects(Hex.parse(HEADER_BODY_8 + """
                00 24 00 02    # PRIORITY, 2 bytes
                00 01 00 00    # value and padding
                """), "PRIORITY length 2, expected 4");
        rejects(Hex.parse(HEADER_BODY_8 + """
                00 25 00 04    # USE-CANDIDATE with a value
                00 00 00 00    # value
                """), "USE-CANDIDATE length 4, expected 0");
        rejects(Hex.parse(HEADER_BODY_8 + """
                80 2a 00 04    # ICE-CONTROLLING, 4 bytes
                00 00 00 01    # half a tie-breaker
                """), "ICE-CONTROLLING length 4, expected 8");
        rejects(Hex.parse(HEADER_BODY_8 + """
                00 09 00 04    # ERROR-CODE
                00 00 02 00    # class 2: not an error
                """), "not a code in 300-699");
        rejects(Hex.parse(HEADER_BODY_8 + """
                00 09 00 04    # ERROR-CODE
                00 00 04 64    # number 100
                """), "not a code in 300-699");
        rejects(Hex.parse(HEADER_BODY_8 + """
                00 09 00 02    # ERROR-CODE, 2 bytes
                00 00 00 00    # value and padding
                """), "shorter than 4");
        rejects(Hex.parse(HEADER_BODY_8 + """
                00 0a 00 03    # UNKNOWN-ATTRIBUTES, odd length
                00 01 00 00    # value and padding
                """), "odd");
    }
}
