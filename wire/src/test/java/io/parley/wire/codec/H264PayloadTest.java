package io.parley.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6184 payloads written as annotated hex: single NAL units, STAP-A (§5.7.1) and FU-A (§5.8). */
class H264PayloadTest {
    private final H264Payload p = new H264Payload();

    static final String SINGLE_IDR = """
            65          # F=0 NRI=3 type=5 (IDR slice)
            88 84 00    # slice data
            """;

    static final String SINGLE_SLICE = """
            41          # F=0 NRI=2 type=1 (non-IDR slice)
            9a 00       # slice data
            """;

    /** The SPS and PPS that a keyframe sends first, aggregated as RFC 6184 Figure 7 shows. */
    static final String STAP_A_SPS_PPS = """
            78                  # STAP-A header: F=0 NRI=3 type=24
            00 04               # NALU 1 size
            67 42 00 1f         # NALU 1: SPS (type 7), profile 42, level 1f
            00 02               # NALU 2 size
            68 ce               # NALU 2: PPS (type 8)
            """;

    static final String STAP_A_NO_KEY = """
            58                  # STAP-A header: NRI=2
            00 02  06 05        # SEI (type 6)
            00 02  41 9a        # non-IDR slice
            """;

    static final String FU_A_START_IDR = """
            7c          # FU indicator: F=0 NRI=3 type=28
            85          # FU header: S=1 E=0 R=0 type=5
            88 84       # first fragment of the IDR slice
            """;

    static final String FU_A_END = """
            7c          # FU indicator
            45          # FU header: S=0 E=1 type=5
            bb          # last fragment
            """;

    private H264Payload parse(String hex) throws WireFormatException {
        byte[] b = Hex.parse(hex);
        return p.wrap(b, 0, b.length);
    }

    @Test
    void singleNalUnits() throws WireFormatException {
        parse(SINGLE_IDR);
        assertThat(p.type()).isEqualTo(H264Nal.IDR);
        assertThat(H264Nal.nri(p.header())).isEqualTo(3);
        assertThat(H264Nal.forbidden(p.header())).isFalse();
        assertThat(p.isStapA() || p.isFuA()).isFalse();
        assertThat(p.isKeyframe()).isTrue();
        assertThat(p.dataOffset()).isEqualTo(1);
        assertThat(p.dataLength()).isEqualTo(3);
        parse(SINGLE_SLICE);
        assertThat(p.type()).isEqualTo(1);
        assertThat(H264Nal.nri(p.header())).isEqualTo(2);
        assertThat(p.isKeyframe()).isFalse();
        parse("e7 42   # F=1 NRI=3 type=7 (SPS)");
        assertThat(H264Nal.forbidden(p.header())).isTrue();
        assertThat(p.isKeyframe()).isTrue();
    }

    @Test
    void stapAUnits() throws WireFormatException {
        byte[] b = Hex.parse(STAP_A_SPS_PPS);
        p.wrap(b, 0, b.length);
        assertThat(p.isStapA()).isTrue();
        StapAReader units = p.units();
        assertThat(units.count()).isEqualTo(2);
        assertThat(units.next()).isTrue();
        assertThat(units.unitOffset()).isEqualTo(3);
        assertThat(units.unitLength()).isEqualTo(4);
        assertThat(H264Nal.type(b[units.unitOffset()])).isEqualTo(H264Nal.SPS);
        assertThat(units.next()).isTrue();
        assertThat(Hex.of(b, units.unitOffset(), units.unitLength())).isEqualTo("68ce");
        assertThat(units.next()).isFalse();
        assertThat(p.isKeyframe()).isTrue();
        assertThat(p.units().next()).as("units() rewinds").isTrue();

        parse(STAP_A_NO_KEY);
        assertThat(p.units().count()).isEqualTo(2);
        assertThat(p.isKeyframe()).isFalse();
        parse(SINGLE_SLICE);
        assertThat(p.units().next()).as("no units left over from the STAP-A before").isFalse();
        assertThat(p.units().count()).isZero();
    }

    @Test
    void writesStapA() {
        byte[] sps = Hex.parse("67 42 00 1f");
        byte[] pps = Hex.parse("68 ce");
        byte[] out = new byte[11];
        StapAReader.writeHeader(out, 0, false, 3);
        int n = 1 + StapAReader.writeUnit(out, 1, sps, 0, sps.length);
        n += StapAReader.writeUnit(out, n, pps, 0, pps.length);
        assertThat(n).isEqualTo(11);
        assertThat(Hex.of(out)).isEqualTo(Hex.of(Hex.parse(STAP_A_SPS_PPS)));
    }

    @Test
    void fuA() throws WireFormatException {
        parse(FU_A_START_IDR);
        assertThat(p.isFuA()).isTrue();
        assertThat(p.fuStart()).isTrue();
        assertThat(p.fuEnd()).isFalse();
        assertThat(p.fuType()).isEqualTo(H264Nal.IDR);
        assertThat(p.fuNalHeader()).isEqualTo(0x65);
        assertThat(p.isKeyframe()).isTrue();
        assertThat(p.dataOffset()).isEqualTo(2);
        assertThat(p.dataLength()).isEqualTo(2);

        parse(FU_A_END);
        assertThat(p.fuStart()).isFalse();
        assertThat(p.fuEnd()).isTrue();
        assertThat(p.isKeyframe()).as("only the start fragment marks a keyframe").isFalse();

        parse("7c 81 aa   # S=1 type=1: start of a non-IDR slice");
        assertThat(p.isKeyframe()).isFalse();

        byte[] out = new byte[2];
        H264Payload.writeFuAHeader(out, 0, 0x65, true, false);
        assertThat(Hex.of(out)).isEqualTo("7c85");
        H264Payload.writeFuAHeader(out, 0, 0x41, false, true);
        assertThat(Hex.of(out)).isEqualTo("5c41");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty                          | ''                 | NAL unit header",
        "type 0 undefined               | 00 aa              | type 0",
        "STAP-B not in this mode        | 19 00 01 aa        | type 25",
        "MTAP16                         | 1a 00 01 aa        | type 26",
        "FU-B                           | 1d 85 aa           | type 29",
        "type 31                        | 1f aa              | type 31",
        "STAP-A without units           | 78                 | no NAL units",
        "STAP-A size past the end       | 78 00 05 67 42     | truncated",
        "STAP-A size zero               | 78 00 00 67        | size 0",
        "STAP-A one stray byte          | 78 00 01 67 00     | truncated",
        "STAP-A holding an FU-A         | 78 00 02 7c 85     | type 28",
        "FU-A with S and E              | 7c c5 aa           | S and E",
        "FU-A without data              | 7c 85              | truncated",
        "FU-A fragmenting an FU-A       | 7c 9c aa           | type 28",
        "FU-A fragmenting type 0        | 7c 80 aa           | type 0",
    })
    void malformed(String why, String hex, String expected) {
        byte[] b = Hex.parse(hex);
        assertThatThrownBy(() -> p.wrap(b, 0, b.length)).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("H.264").hasMessageContaining(expected);
    }

    @Test
    void everyTruncationIsRejectedOrEndsAtAUnitBoundary() throws WireFormatException {
        for (String vector : new String[] {SINGLE_IDR, SINGLE_SLICE, STAP_A_SPS_PPS, STAP_A_NO_KEY, FU_A_START_IDR,
                FU_A_END}) {
            byte[] b = Hex.parse(vector);
            int type = H264Nal.type(b[0]);
            int minimum = type == H264Nal.FU_A ? 3 : 1;
            for (int n = 0; n < b.length; n++) {
                int len = n;
                if (n < minimum || type == H264Nal.STAP_A && !unitBoundary(b, n)) {
                    assertThatThrownBy(() -> p.wrap(b, 0, len)).as("%d bytes of %s", n, vector)
                            .isInstanceOf(WireFormatException.class);
                } else {
                    p.wrap(b, 0, len);
                }
            }
        }
    }

    /** Whether the first {@code n} bytes of the STAP-A in {@code b} end right after a unit. */
    private static boolean unitBoundary(byte[] b, int n) {
        int pos = 1;
        while (pos < n) {
            pos += 2 + ((b[pos] & 0xFF) << 8 | (b[pos + 1] & 0xFF));
        }
        return pos == n && n > 1;
    }
}
