package io.parley.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpRewriterTest {
    private static final long MS = 1_000_000L;

    @Test
    void theFirstSourceStartsAtTheInitialNumbersAndTheNextContinuesAfterTheLastPacketSent() {
        RtpRewriter r = new RtpRewriter(65_535, 0xFFFF_FFF0L);
        r.rebase(1000, 50_000, 0, 90_000);
        assertThat(r.seq(1000)).isEqualTo(65_535);
        assertThat(r.seq(1001)).isZero();
        assertThat(r.timestamp(50_000)).isEqualTo(0xFFFF_FFF0L);
        assertThat(r.timestamp(53_000)).isEqualTo(3000 - 0x10);
        r.sent(65_535, 0xFFFF_FFF0L, 0);
        r.sent(0, 2984, 33 * MS);

        r.rebase(7, 123, 133 * MS, 90_000);
        assertThat(r.seq(7)).isEqualTo(1);
        assertThat(r.timestamp(123)).as("100 ms later at 90 kHz").isEqualTo(2984 + 9000);
        assertThat(r.sourceSeq(1)).isEqualTo(7);
    }

    @Test
    void numbersFromBeforeTheCurrentSourceAreNeverCurrentHoweverLongItRuns() {
        RtpRewriter r = new RtpRewriter(100, 0);
        r.rebase(0, 0, 0, 48_000);
        for (int in = 0; in < 70_000; in++) {
            int out = r.seq(in);
            assertThat(r.isCurrent(out)).isTrue();
            r.sent(out, in, in);
        }
        int last = r.seq(69_999);
        assertThat(r.wasSent(last)).isTrue();
        assertThat(r.wasSent((last - 30_000) & 0xFFFF)).isTrue();
        assertThat(r.wasSent((last + 1) & 0xFFFF)).isFalse();
        assertThat(r.isCurrent((last + 1) & 0xFFFF)).isTrue();

        r.rebase(5, 0, 80_000, 48_000);
        int first = r.seq(5);
        assertThat(first).isEqualTo((last + 1) & 0xFFFF);
        assertThat(r.isCurrent(last)).as("the old source's last packet").isFalse();
        assertThat(r.wasSent(first)).isFalse();
        r.sent(first, 0, 80_000);
        assertThat(r.wasSent(first)).isTrue();
        assertThat(r.isCurrent((first - 1) & 0xFFFF)).isFalse();
    }
}
