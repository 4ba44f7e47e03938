package io.parley.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A few starts at a time, the rest in order as places are given back; a ticket gives its place once. */
class HandshakeGateTest {
    @Test
    void admitsUpToItsLimitThenOneForEachRelease() {
        HandshakeGate gate = new HandshakeGate(2);
        List<Integer> started = new ArrayList<>();
        List<HandshakeGate.Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            gate.admit(t -> {
                started.add(n);
                tickets.add(t);
            });
        }
        assertThat(started).containsExactly(0, 1);
        tickets.get(0).release();
        tickets.get(0).release();
        assertThat(started).containsExactly(0, 1, 2);
        tickets.get(1).release();
        tickets.get(2).release();
        assertThat(started).containsExactly(0, 1, 2, 3, 4);
        tickets.get(3).release();
        tickets.get(4).release();
        // All places free again: the next start runs at once.
        gate.admit(t -> started.add(5));
        gate.admit(t -> started.add(6));
        assertThat(started).endsWith(5, 6);
    }
}
