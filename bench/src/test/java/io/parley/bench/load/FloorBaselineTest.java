package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.bench.floor.FloorLoad;
import io.parley.bench.load.compare.FloorBaseline;
import io.parley.bench.load.media.SourceShape;
import io.parley.bench.load.report.Measurement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FloorBaselineTest {
    @Test
    void manyPublishersBecomeOneStreamOfTheirSummedRateAndMeanSize() {
        SourceShape shape = new SourceShape(1_500_000, 180, true);
        FloorLoad broadcast = FloorBaseline.load(shape, 1, 50, Duration.ofSeconds(12));
        assertThat(broadcast.players()).isEqualTo(50);
        assertThat(broadcast.packetsPerSecond()).isEqualTo(230);
        assertThat(broadcast.payloadBytes()).isEqualTo((180 * 1041 + 50 * 80) / 230);
        FloorLoad meeting = FloorBaseline.load(new SourceShape(500_000, 60, false), 8, 3, Duration.ofSeconds(5));
        assertThat(meeting.packetsPerSecond()).isEqualTo(480);
        assertThat(meeting.payloadBytes()).isEqualTo(1041);
    }

    @Test
    @Timeout(60)
    void aShortFloorRunHasFiguresToCompare() {
        Measurement m = FloorBaseline.run(FloorBaseline.load(new SourceShape(400_000, 100, false), 1, 3, Duration.ofSeconds(2)), 3);
        assertThat(m.target()).isEqualTo("floor");
        assertThat(m.forwardedPackets()).isPositive();
        assertThat(m.cpuMicrosPerPacket()).isPositive();
        assertThat(m.delayMicros().p50()).isPositive();
        assertThat(m.lossRatio()).isLessThan(0.05);
        assertThat(m.windowSeconds()).isBetween(0.5, 2.5);
    }
}
