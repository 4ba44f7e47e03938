package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.bench.load.media.SourceShape;
import io.parley.bench.load.run.Participant;
import io.parley.bench.load.run.Plan;
import org.junit.jupiter.api.Test;

class PlanTest {
    @Test
    void broadcastIsOnePublisherAndNPlayersOfItsStream() {
        Plan p = Plan.broadcast(3);
        assertThat(p.sessions()).isEqualTo(4);
        assertThat(p.publishers()).isEqualTo(1);
        assertThat(p.plays()).isEqualTo(3);
        assertThat(p.participants()).allMatch(u -> u.roomId().equals("broadcast"));
        assertThat(p.participants().stream().skip(1)).allMatch(u -> u.plays().equals(java.util.List.of("live")));
        assertThatThrownBy(() -> Plan.broadcast(0)).hasMessageContaining("at least 1 player");
    }

    @Test
    void meetingEveryonePlaysEveryoneElseInTheirRoom() {
        Plan p = Plan.meeting(2, 3);
        assertThat(p.sessions()).isEqualTo(6);
        assertThat(p.publishers()).isEqualTo(6);
        assertThat(p.plays()).isEqualTo(2 * 3 * 2);
        Participant u = p.participants().get(4);
        assertThat(u.roomId()).isEqualTo("meeting-1");
        assertThat(u.plays()).containsExactly("m1-s0", "m1-s2").doesNotContain(u.publishes());
        assertThatThrownBy(() -> Plan.meeting(1, 1)).hasMessageContaining("at least 1 room of 2 users");
    }

    @Test
    void sourceShapeRates() {
        SourceShape s = new SourceShape(1_500_000, 180, true);
        assertThat(s.packetsPerSecond()).isEqualTo(230);
        assertThat(s.videoFrameBytes()).isEqualTo(1041);
        assertThat(s.describe()).contains("1.50 Mbit/s").contains("audio");
        assertThatThrownBy(() -> new SourceShape(0, 0, false)).hasMessageContaining("video or audio");
        assertThatThrownBy(() -> new SourceShape(1000, 0, true)).hasMessageContaining("positive packet rate");
    }
}
