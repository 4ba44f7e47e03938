package io.parley.wire.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wrap-around tables for 16-bit sequence numbers and 32-bit timestamps. */
class SequenceNumbersTest {
    @ParameterizedTest(name = "{0} vs {1}: newer={2}, diff={3}")
    @CsvSource({
        // a,     b,     a newer than b, a - b
        "1,      0,     true,   1",
        "0,      1,     false, -1",
        "5,      5,     false,  0",
        "0,      65535, true,   1",
        "65535,  0,     false, -1",
        "2,      65534, true,   4",
        "65534,  2,     false, -4",
        "32767,  0,     true,   32767",
        "32768,  0,     true,  -32768",  // exactly half way: the larger is newer
        "0,      32768, false, -32768",
        "32769,  0,     false, -32767",
        "100,    65500, true,   136",
    })
    void sequenceNumbers(int a, int b, boolean newer, int diff) {
        assertThat(SequenceNumbers.isNewer(a, b)).isEqualTo(newer);
        assertThat(SequenceNumbers.diff(a, b)).isEqualTo(diff);
        assertThat(SequenceNumbers.compare(a, b)).isEqualTo(a == b ? 0 : newer ? 1 : -1);
        assertThat(Integer.signum(SequenceNumbers.compare(b, a))).isEqualTo(-SequenceNumbers.compare(a, b));
    }

    @ParameterizedTest(name = "{0} vs {1}: newer={2}, diff={3}")
    @CsvSource({
        // a,          b,          a newer than b, a - b
        "1,           0,          true,   1",
        "0,           4294967295, true,   1",
        "4294967295,  0,          false, -1",
        "10,          4294967286, true,   20",
        "4294967286,  10,         false, -20",
        "2147483647,  0,          true,   2147483647",
        "2147483648,  0,          true,  -2147483648",  // exactly half way: the larger is newer
        "0,           2147483648, false, -2147483648",
        "2147483649,  0,          false, -2147483647",
        "7,           7,          false,  0",
    })
    void timestamps(long a, long b, boolean newer, int diff) {
        assertThat(Timestamps.isNewer(a, b)).isEqualTo(newer);
        assertThat(Timestamps.diff(a, b)).isEqualTo(diff);
        assertThat(Timestamps.compare(a, b)).isEqualTo(a == b ? 0 : newer ? 1 : -1);
        assertThat(Integer.signum(Timestamps.compare(b, a))).isEqualTo(-Timestamps.compare(a, b));
    }
}
