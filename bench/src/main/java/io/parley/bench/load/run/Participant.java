package io.parley.bench.load.run;

import java.util.List;

/**
 * One user of a load plan: the room it logs in to, the stream it publishes (or null) and the
 * streams it plays.
 */
public record Participant(String roomId, String userId, String publishes, List<String> plays) {
    public Participant {
        plays = List.copyOf(plays);
    }
}
