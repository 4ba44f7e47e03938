package io.parley.wire.rtcp;

import io.parley.testkit.Hex;

/**
 * The annotated byte vectors of the RTCP tests, one per structure, shared by the unit tests, the
 * compound tests and the fuzz seeds. Field values are chosen so that every field differs from its
 * neighbours and a byte-order or offset slip shows.
 */
final class RtcpVectors {
    private RtcpVectors() {
    }

    static final byte[] SR = Hex.parse("""
            81 c8 00 0c   # V=2 P=0 RC=1 | PT=200 SR | length=12 words (52 bytes)
            12 34 56 78   # SSRC of sender
            e7 3a 1b 2c   # NTP timestamp, most significant word (seconds since 1900)
            80 00 00 00   # NTP timestamp, least significant word (fraction 0.5)
            00 01 e2 40   # RTP timestamp 123456
            00 00 03 e8   # sender's packet count 1000
            00 0f 42 40   # sender's octet count 1000000
            ab cd ef 01   # report block 1: SSRC_1
            19            # fraction lost 25/256
            ff ff fe      # cumulative number of packets lost -2 (signed 24 bits)
            00 01 00 2a   # extended highest sequence number: cycle 1, seq 42
            00 00 00 64   # interarrival jitter 100
            3a 1b 2c 80   # last SR (LSR), the middle 32 bits of an NTP timestamp
            00 01 80 00   # delay since last SR (DLSR) 1.5 s in 1/65536 s
            """);

    static final byte[] RR = Hex.parse("""
            81 c9 00 07   # V=2 P=0 RC=1 | PT=201 RR | length=7 words (32 bytes)
            9a bc de f0   # SSRC of packet sender
            11 22 33 44   # report block 1: SSRC_1
            00            # fraction lost 0
            00 00 05      # cumulative number of packets lost 5
            00 00 ff ff   # extended highest sequence number 65535
            00 00 00 0a   # interarrival jitter 10
            00 00 00 00   # LSR: no SR received yet
            00 00 00 00   # DLSR
            """);

    static final byte[] SDES = Hex.parse("""
            82 ca 00 05   # V=2 P=0 SC=2 | PT=202 SDES | length=5 words (24 bytes)
            12 34 56 78   # chunk 1: SSRC
            01 02 61 62   # item CNAME, length 2, "ab"
            06 01 78      # item TOOL, length 1, "x"
            00            # END, which here lands on the 32-bit boundary
            ab cd ef 01   # chunk 2: SSRC
            00 00 00 00   # END and null padding: a chunk without items
            """);

    static final byte[] SDES_CNAME = Hex.parse("""
            81 ca 00 04               # V=2 P=0 SC=1 | PT=202 SDES | length=4 words (20 bytes)
            9a bc de f0               # chunk 1: SSRC
            01 06 70 61 72 6c 65 79   # item CNAME, length 6, "parley"
            00 00 00 00               # END and null padding to 32 bits
            """);

    static final byte[] BYE = Hex.parse("""
            82 cb 00 04      # V=2 P=0 SC=2 | PT=203 BYE | length=4 words (20 bytes)
            12 34 56 78      # SSRC 1
            9a bc de f0      # SSRC 2
            04 6c 65 66 74   # reason: length 4, "left"
            00 00 00         # null padding to 32 bits
            """);

    static final byte[] BYE_NO_REASON = Hex.parse("""
            81 cb 00 01   # V=2 P=0 SC=1 | PT=203 BYE | length=1 word (8 bytes)
            9a bc de f0   # SSRC 1
            """);

    static final byte[] APP = Hex.parse("""
            82 cc 00 03   # V=2 P=0 subtype=2 | PT=204 APP | length=3 words (16 bytes)
            12 34 56 78   # SSRC of sender
            50 52 4c 59   # name "PRLY"
            00 00 00 2a   # application-dependent data
            """);

    static final byte[] NACK = Hex.parse("""
            81 cd 00 04   # V=2 P=0 FMT=1 | PT=205 RTPFB | length=4 words (20 bytes)
            12 34 56 78   # SSRC of packet sender
            9a bc de f0   # SSRC of media source
            00 64 00 05   # PID 100, BLP 0b101: 101 and 103 lost too
            ff fb 80 30   # PID 65531, BLP bits 4, 5, 15: 0, 1 and 11 lost too
            """);

    static final byte[] PLI = Hex.parse("""
            81 ce 00 02   # V=2 P=0 FMT=1 | PT=206 PSFB | length=2 words (12 bytes)
            12 34 56 78   # SSRC of packet sender
            9a bc de f0   # SSRC of media source
            """);

    static final byte[] FIR = Hex.parse("""
            84 ce 00 06   # V=2 P=0 FMT=4 | PT=206 PSFB | length=6 words (28 bytes)
            12 34 56 78   # SSRC of packet sender
            00 00 00 00   # SSRC of media source: unused by FIR, 0
            9a bc de f0   # FCI entry 1: SSRC
            07 00 00 00   # seq nr 7, reserved
            11 22 33 44   # FCI entry 2: SSRC
            08 00 00 00   # seq nr 8, reserved
            """);

    static final byte[] REMB = Hex.parse("""
            8f ce 00 06   # V=2 P=0 FMT=15 | PT=206 PSFB | length=6 words (28 bytes)
            12 34 56 78   # SSRC of packet sender
            00 00 00 00   # SSRC of media source: always 0 for REMB
            52 45 4d 42   # unique identifier 'R' 'E' 'M' 'B'
            02            # Num SSRC 2
            0b d0 90      # BR Exp 2 (6 bits), BR Mantissa 250000 (18 bits): 1000000 bps
            9a bc de f0   # SSRC feedback 1
            11 22 33 44   # SSRC feedback 2
            """);

    /** Transport-cc with one run-length chunk of small deltas. */
    static final byte[] TWCC_RUN = Hex.parse("""
            8f cd 00 06   # V=2 P=0 FMT=15 | PT=205 RTPFB | length=6 words (28 bytes)
            12 34 56 78   # SSRC of packet sender
            9a bc de f0   # SSRC of media source
            03 e8         # base sequence number 1000
            00 03         # packet status count 3
            00 00 05      # reference time 5 (x 64 ms = 320 ms)
            00            # fb pkt. count 0
            20 03         # run length chunk: T=0, S=01 (small delta), run length 3
            04 0a ff      # recv deltas 4, 10, 255 (x 250 us)
            00 00 00      # zero padding
            """);

    /** Transport-cc with a 1-bit status vector chunk, across the sequence number wrap. */
    static final byte[] TWCC_ONE_BIT = Hex.parse("""
            8f cd 00 06   # V=2 P=0 FMT=15 | PT=205 RTPFB | length=6 words (28 bytes)
            12 34 56 78   # SSRC of packet sender
            9a bc de f0   # SSRC of media source
            ff fe         # base sequence number 65534
            00 08         # packet status count 8
            00 00 00      # reference time 0
            01            # fb pkt. count 1
            ac 40         # status vector chunk: T=1, S=0 (1 bit): R N R R N N N R, 6 unused
            00 04 04 04   # recv deltas 0, 4, 4, 4 (x 250 us)
            00 00         # zero padding
            """);

    /** Transport-cc with a 2-bit status vector chunk and large deltas, one negative. */
    static final byte[] TWCC_TWO_BIT = Hex.parse("""
            8f cd 00 06   # V=2 P=0 FMT=15 | PT=205 RTPFB | length=6 words (28 bytes)
            12 34 56 78   # SSRC of packet sender
            9a bc de f0   # SSRC of media source
            00 0a         # base sequence number 10
            00 03         # packet status count 3
            00 00 01      # reference time 1 (64 ms)
            02            # fb pkt. count 2
            da 00         # status vector chunk: T=1, S=1 (2 bits): small, large, large, 4 unused
            00            # recv delta 0 (small)
            04 b0         # recv delta 1200 (large: 300 ms)
            ff fe         # recv delta -2 (large: -0.5 ms)
            00            # zero padding
            """);

    /** Transport-cc mixing a 1-bit vector, a run of losses and a run of one large delta. */
    static final byte[] TWCC_MIXED = Hex.parse("""
            8f cd 00 07   # V=2 P=0 FMT=15 | PT=205 RTPFB | length=7 words (32 bytes)
            12 34 56 78   # SSRC of packet sender
            9a bc de f0   # SSRC of media source
            00 00         # base sequence number 0
            01 2d         # packet status count 301
            00 00 00      # reference time 0
            03            # fb pkt. count 3
            a0 00         # status vector chunk, 1 bit: R then 13 N
            01 1e         # run length chunk: S=00 (not received), run length 286
            40 01         # run length chunk: S=10 (large delta), run length 1
            00            # recv delta 0 (small)
            01 90         # recv delta 400 (large: 100 ms)
            00 00 00      # zero padding
            """);

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
