package io.parley.sdk.media.opus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.sdk.media.MediaFormatException;
import org.junit.jupiter.api.Test;

class OpusTocTest {
    private static int samples(int... bytes) throws MediaFormatException {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return OpusToc.samples(b, 0, b.length);
    }

    @Test
    void durationsFromTheTocByte() throws Exception {
        assertThat(samples(0b00001_0_00)).isEqualTo(960);        // config 1: SILK NB 20 ms, code 0
        assertThat(samples(0b00011_0_00)).isEqualTo(2880);       // config 3: SILK NB 60 ms
        assertThat(samples(0b01101_1_00)).isEqualTo(960);        // config 13: Hybrid SWB 20 ms, stereo
        assertThat(samples(0b10000_0_00)).isEqualTo(120);        // config 16: CELT NB 2.5 ms
        assertThat(samples(0b11111_1_00)).isEqualTo(960);        // config 31: CELT FB 20 ms (what Chromium sends)
        assertThat(samples(0b11111_1_01)).isEqualTo(1920);       // code 1: two frames of equal size
        assertThat(samples(0b11111_1_10)).isEqualTo(1920);       // code 2: two frames of different sizes
        assertThat(samples(0b11111_1_11, 0b00000_011)).isEqualTo(2880); // code 3: three frames
    }

    @Test
    void malformedPacketsAreRefusedWithTheirCode() {
        assertCode("opus.empty");
        assertCode("opus.code3", 0b11111_0_11);
        assertCode("opus.code3", 0b11111_0_11, 0);
        assertCode("opus.duration", 0b00011_0_11, 3); // three 60 ms frames: over 120 ms
    }

    private static void assertCode(String code, int... bytes) {
        assertThatThrownBy(() -> samples(bytes)).isInstanceOfSatisfying(MediaFormatException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
