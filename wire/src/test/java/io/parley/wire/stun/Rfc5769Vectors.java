package io.parley.wire.stun;

import io.parley.testkit.Hex;

/** The four sample messages of RFC 5769 §2, as the RFC prints them, one field per line. */
final class Rfc5769Vectors {
    static final String SHORT_TERM_PASSWORD = "VOkJxbRl1RmTxUk/WvJxBt";
    static final byte[] TRANSACTION_ID = Hex.parse("b7 e7 a7 01 bc 34 d6 86 fa 87 df ae");

    /** §2.1: a Binding request with ICE attributes, short-term credentials, padded with spaces. */
    static final byte[] REQUEST = Hex.parse("""
            00 01 00 58    # Request type and message length
            21 12 a4 42    # Magic cookie
            b7 e7 a7 01    # Transaction ID
            bc 34 d6 86    #   ..
            fa 87 df ae    #   ..
            80 22 00 10    # SOFTWARE attribute header
            53 54 55 4e    # "STUN test client"
            20 74 65 73    #   ..
            74 20 63 6c    #   ..
            69 65 6e 74    #   ..
            00 24 00 04    # PRIORITY attribute header
            6e 00 01 ff    # ICE priority value
            80 29 00 08    # ICE-CONTROLLED attribute header
            93 2f f9 b1    # tie breaker
            51 26 3b 36    #   ..
            00 06 00 09    # USERNAME attribute header
            65 76 74 6a    # "evtj:h6vY" (9 bytes)
            3a 68 36 76    #   ..
            59 20 20 20    #   .. and 3 bytes of padding (0x20)
            00 08 00 14    # MESSAGE-INTEGRITY attribute header
            9a ea a7 0c    # HMAC-SHA1
            bf d8 cb 56    #   ..
            78 1e f2 b5    #   ..
            b2 d3 f2 49    #   ..
            c1 b5 71 a2    #   ..
            80 28 00 04    # FINGERPRINT attribute header
            e5 7a 3b cf    # CRC32 fingerprint
            """);

    /** §2.2: a Binding success response carrying 192.0.2.1:32853. */
    static final byte[] IPV4_RESPONSE = Hex.parse("""
            01 01 00 3c    # Response type and message length
            21 12 a4 42    # Magic cookie
            b7 e7 a7 01    # Transaction ID
            bc 34 d6 86    #   ..
            fa 87 df ae    #   ..
            80 22 00 0b    # SOFTWARE attribute header
            74 65 73 74    # "test vector" (11 bytes)
            20 76 65 63    #   ..
            74 6f 72 20    #   .. and 1 byte of padding (0x20)
            00 20 00 08    # XOR-MAPPED-ADDRESS attribute header
            00 01 a1 47    # reserved, family IPv4, xor'd port
            e1 12 a6 43    # xor'd IPv4 address
            00 08 00 14    # MESSAGE-INTEGRITY attribute header
            2b 91 f5 99    # HMAC-SHA1
            fd 9e 90 c3    #   ..
            8c 74 89 f9    #   ..
            2a f9 ba 53    #   ..
            f0 6b e7 d7    #   ..
            80 28 00 04    # FINGERPRINT attribute header
            c0 7d 4c 96    # CRC32 fingerprint
            """);

    /** §2.3: a Binding success response carrying [2001:db8:1234:5678:11:2233:4455:6677]:32853. */
    static final byte[] IPV6_RESPONSE = Hex.parse("""
            01 01 00 48    # Response type and message length
            21 12 a4 42    # Magic cookie
            b7 e7 a7 01    # Transaction ID
            bc 34 d6 86    #   ..
            fa 87 df ae    #   ..
            80 22 00 0b    # SOFTWARE attribute header
            74 65 73 74    # "test vector" (11 bytes)
            20 76 65 63    #   ..
            74 6f 72 20    #   .. and 1 byte of padding (0x20)
            00 20 00 14    # XOR-MAPPED-ADDRESS attribute header
            00 02 a1 47    # reserved, family IPv6, xor'd port
            01 13 a9 fa    # xor'd IPv6 address
            a5 d3 f1 79    #   ..
            bc 25 f4 b5    #   ..
            be d2 b9 d9    #   ..
            00 08 00 14    # MESSAGE-INTEGRITY attribute header
            a3 82 95 4e    # HMAC-SHA1
            4b e6 7b f1    #   ..
            17 84 c9 7c    #   ..
            82 92 c2 75    #   ..
            bf e3 ed 41    #   ..
            80 28 00 04    # FINGERPRINT attribute header
            c8 fb 0b 4c    # CRC32 fingerprint
            """);

    /** §2.4: a Binding request with long-term credentials, padded with zeros, no FINGERPRINT. */
    static final byte[] LONG_TERM_REQUEST = Hex.parse("""
            00 01 00 60    # Request type and message length
            21 12 a4 42    # Magic cookie
            78 ad 34 33    # Transaction ID
            c6 ad 72 c0    #   ..
            29 da 41 2e    #   ..
            00 06 00 12    # USERNAME attribute header
            e3 83 9e e3    # Username value (18 bytes, U+30DE U+30C8 U+30EA U+30C3 U+30AF U+30B9)
            83 88 e3 83    #   ..
            aa e3 83 83    #   ..
            e3 82 af e3    #   ..
            82 b9 00 00    #   .. and 2 bytes of padding
            00 15 00 1c    # NONCE attribute header
            66 2f 2f 34    # "f//499k954d6OL34oL9FSTvy64sA" (28 bytes)
            39 39 6b 39    #   ..
            35 34 64 36    #   ..
            4f 4c 33 34    #   ..
            6f 4c 39 46    #   ..
            53 54 76 79    #   ..
            36 34 73 41    #   ..
            00 14 00 0b    # REALM attribute header
            65 78 61 6d    # "example.org" (11 bytes)
            70 6c 65 2e    #   ..
            6f 72 67 00    #   .. and 1 byte of padding
            00 08 00 14    # MESSAGE-INTEGRITY attribute header
            f6 70 24 65    # HMAC-SHA1
            6d d6 4a 3e    #   ..
            02 b8 e0 71    #   ..
            2e 85 c9 a2    #   ..
            8c a8 96 66    #   ..
            """);
    static final byte[] LONG_TERM_TRANSACTION_ID = Hex.parse("78 ad 34 33 c6 ad 72 c0 29 da 41 2e");
    static final String LONG_TERM_USERNAME = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";
    /** The password "The<U+00AD>M<U+00AA>tr<U+2168>" after SASLprep, as RFC 5769 §2.4 gives it. */
    static final String LONG_TERM_PASSWORD = "TheMatrIX";
    static final String LONG_TERM_REALM = "example.org";
    static final String LONG_TERM_NONCE = "f//499k954d6OL34oL9FSTvy64sA";

    private Rfc5769Vectors() {
    }
}
