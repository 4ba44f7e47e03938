package io.parley.wire.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3550 appendix A.1: probation, wrap-around cycles, loss, reordering and restarts. */
class SequenceTrackerTest {
    private final SequenceTracker tracker = new SequenceTracker();

    @Test
    void aNewSourceIsOnProbationUntilTwoPacketsInSequence() {
        assertThat(tracker.update(1000)).isFalse();
        assertThat(tracker.isValid()).isFalse();
        assertThat(tracker.update(1001)).isTrue();
        assertThat(tracker.isValid()).isTrue();
        assertThat(tracker.received()).isEqualTo(1);
        assertThat(tracker.expected()).isEqualTo(1);
        assertThat(tracker.lost()).isZero();
    }

    @Test
    void aBrokenSequenceRestartsProbation() {
        assertThat(tracker.update(10)).isFalse();
        assertThat(tracker.update(20)).isFalse();
        assertThat(tracker.update(22)).isFalse();
        assertThat(tracker.update(23)).isTrue();
    }

    @Test
    void countsCyclesAcrossTheWrap() {
        tracker.update(65533);
        tracker.update(65534);
        assertThat(tracker.update(65535)).isTrue();
        assertThat(tracker.update(0)).isTrue();
        assertThat(tracker.update(1)).isTrue();
        assertThat(tracker.cycles()).isEqualTo(65536);
        assertThat(tracker.extendedHighest()).isEqualTo(65536 + 1);
        assertThat(tracker.received()).isEqualTo(4);
        assertThat(tracker.expected()).isEqualTo(4);
    }

    @Test
    void countsLossAndToleratesReorderingAndDuplicates() {
        tracker.update(100);
        tracker.update(101);
        assertThat(tracker.update(105)).isTrue(); // 102-104 lost so far
        assertThat(tracker.lost()).isEqualTo(3);
        assertThat(tracker.update(103)).isTrue(); // late
        assertThat(tracker.extendedHighest()).isEqualTo(105);
        assertThat(tracker.lost()).isEqualTo(2);
        assertThat(tracker.update(103)).isTrue(); // duplicate: counted, loss goes down
        assertThat(tracker.lost()).isEqualTo(1);
    }

    @Test
    void extendsReorderedNumbersIntoTheRightCycle() {
        tracker.update(65534);
        tracker.update(65535);
        tracker.update(0);
        tracker.update(2);
        assertThat(tracker.extend(65535)).isEqualTo(65535);
        assertThat(tracker.extend(1)).isEqualTo(65536 + 1);
        assertThat(tracker.extend(3)).isEqualTo(65536 + 3);
    }

    @Test
    void acceptsABigJumpOnlyWhenTheNextPacketConfirmsIt() {
        tracker.update(1);
        tracker.update(2);
        assertThat(tracker.update(40000)).isFalse(); // a stray packet or a restart?
        assertThat(tracker.extendedHighest()).isEqualTo(2);
        assertThat(tracker.update(3)).isTrue();
        assertThat(tracker.update(50000)).isFalse();
        assertThat(tracker.update(50001)).isTrue(); // confirmed: the sender restarted
        assertThat(tracker.extendedHighest()).isEqualTo(50001);
        assertThat(tracker.received()).isEqualTo(1);
        assertThat(tracker.expected()).isEqualTo(1);
    }

    @Test
    void treatsASmallBackwardStepAsMisorderNotRestart() {
        tracker.update(5000);
        tracker.update(5001);
        assertThat(tracker.update(5001 - SequenceTracker.MAX_MISORDER + 1)).isTrue();
        assertThat(tracker.extendedHighest()).isEqualTo(5001);
        assertThat(tracker.update(5001 - SequenceTracker.MAX_MISORDER)).isFalse();
    }
}
