package io.parley.sdk.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelayHistogramTest {
    @Test
    void bucketsHoldTheirValuesWithinOnePointSixPercent() {
        int last = -1;
        for (long v = 0; v < DelayHistogram.MAX_MICROS; v = v < 1000 ? v + 1 : v + v / 97) {
            int i = DelayHistogram.index(v);
            assertThat(i).isGreaterThanOrEqualTo(last);
            last = i;
            long high = DelayHistogram.highestValue(i);
            assertThat(high).isGreaterThanOrEqualTo(v);
            assertThat((double) (high - v)).isLessThanOrEqualTo(v / 64.0 + 0.0001);
            assertThat(DelayHistogram.index(high)).isEqualTo(i);
        }
        assertThat(DelayHistogram.index(Long.MAX_VALUE)).isEqualTo(DelayHistogram.index(DelayHistogram.MAX_MICROS));
    }

    @Test
    void percentilesOfAUniformRun() {
        DelayHistogram h = new DelayHistogram();
        for (int i = 1; i <= 10_000; i++) {
            h.record(i);
        }
        h.record(-5); // a clock step: counts as zero
        assertThat(h.count()).isEqualTo(10_001);
        assertThat(h.percentileMicros(50)).isBetween(5000L, 5080L);
        assertThat(h.percentileMicros(99)).isBetween(9900L, 10_000L);
        assertThat(h.percentileMicros(100)).isEqualTo(10_000);
        assertThat(h.maxMicros()).isEqualTo(10_000);
        assertThat(new DelayHistogram().percentileMicros(50)).isZero();
    }
}
