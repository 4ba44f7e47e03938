package io.parley.wire.rtp;

import io.parley.testkit.Hex;

/** RTP packets written out field by field (RFC 3550 §5.1, RFC 8285 §4). */
final class RtpVectors {
    static final byte[] PLAIN = Hex.parse("""
            80 60 12 34    # V=2 P=0 X=0 CC=0 | M=0 PT=96 | sequence number 0x1234
            00 00 03 e8    # timestamp 1000
            de ad be ef    # SSRC
            01 02 03 04    # payload
            """);

    static final byte[] CSRCS_AND_MARKER = Hex.parse("""
            82 e0 ff ff    # V=2 P=0 X=0 CC=2 | M=1 PT=96 | sequence number 65535
            ff ff ff ff    # timestamp 4294967295
            00 00 00 01    # SSRC 1
            11 11 11 11    # CSRC 0
            22 22 22 22    # CSRC 1
            aa bb          # payload
            """);

    static final byte[] PADDED = Hex.parse("""
            a0 08 00 01    # V=2 P=1 X=0 CC=0 | M=0 PT=8 (PCMA) | sequence number 1
            00 00 00 a0    # timestamp 160
            12 34 56 78    # SSRC
            d5 d5 d5       # payload (3 bytes)
            00 00 03       # padding: two zeros and the count 3
            """);

    static final byte[] ONE_BYTE_EXTENSIONS = Hex.parse("""
            90 6f 00 05    # V=2 P=0 X=1 CC=0 | M=0 PT=111 | sequence number 5
            00 00 00 00    # timestamp 0
            00 00 00 02    # SSRC 2
            be de 00 03    # one-byte form (0xBEDE), 3 words of elements
            10 ff          # ID 1, L=0 (1 byte): ff
            00 00          # padding between elements
            22 01 02 03    # ID 2, L=2 (3 bytes): 01 02 03
            00             # padding between elements
            31 aa bb       # ID 3, L=1 (2 bytes): aa bb
            f0 0d          # payload
            """);

    static final byte[] TWO_BYTE_EXTENSIONS = Hex.parse("""
            90 60 00 06    # V=2 P=0 X=1 CC=0 | M=0 PT=96 | sequence number 6
            00 00 00 00    # timestamp 0
            00 00 00 03    # SSRC 3
            10 00 00 02    # two-byte form (0x100, appbits 0), 2 words of elements
            0f 00          # ID 15, length 0 (only the two-byte form carries an empty value)
            00             # padding between elements
            20 03 61 62 63 # ID 32, length 3: "abc"
            c0 ff ee       # payload
            """);

    /** An Opus packet with the extensions in the IDs of Chromium's default audio offer. */
    static final byte[] CHROMIUM_AUDIO = Hex.parse("""
            90 6f 1a 2b    # V=2 P=0 X=1 CC=0 | M=0 PT=111 (opus) | sequence number 6699
            00 01 e2 40    # timestamp 123456
            12 34 56 78    # SSRC
            be de 00 03    # one-byte form, 3 words of elements
            10 8a          # ID 1 ssrc-audio-level (RFC 6464), L=0: voice activity, level 10
            22 12 34 56    # ID 2 abs-send-time, L=2: 24-bit 6.18 fixed-point seconds
            31 00 2a       # ID 3 transport-wide-cc, L=1: transport sequence number 42
            40 30          # ID 4 mid (RFC 8843), L=0: "0"
            00             # padding to the word
            fc ff fe       # payload: an Opus frame
            """);

    static final int SSRC_AUDIO_LEVEL = 1;
    static final int ABS_SEND_TIME = 2;
    static final int TRANSPORT_WIDE_CC = 3;
    static final int MID = 4;

    private RtpVectors() {
    }
}
