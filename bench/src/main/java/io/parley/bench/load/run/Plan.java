package io.parley.bench.load.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Who logs in where, publishes what and plays what: the topology of a scenario, built before any
 * connection is made so it can be checked and described.
 */
public record Plan(List<Participant> participants) {
    public Plan {
        participants = List.copyOf(participants);
    }

    /** One publisher ({@code pub}, stream {@code live}) and {@code players} users playing it, in one room. */
    public static Plan broadcast(int players) {
        if (players < 1) {
            throw new IllegalArgumentException("a broadcast needs at least 1 player, got " + players);
        }
        List<Participant> all = new ArrayList<>();
        all.add(new Participant("broadcast", "pub", "live", List.of()));
        for (int i = 0; i < players; i++) {
            all.add(new Participant("broadcast", "player-" + i, null, List.of("live")));
        }
        return new Plan(all);
    }

    /** {@code rooms} rooms of {@code users} users, each publishing one stream and playing the others of its room. */
    public static Plan meeting(int rooms, int users) {
        if (rooms < 1 || users < 2) {
            throw new IllegalArgumentException("a meeting needs at least 1 room of 2 users, got " + rooms + " of " + users);
        }
        List<Participant> all = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            for (int u = 0; u < users; u++) {
                List<String> plays = new ArrayList<>();
                for (int o = 0; o < users; o++) {
                    if (o != u) {
                        plays.add(stream(r, o));
                    }
                }
                all.add(new Participant("meeting-" + r, "m" + r + "-u" + u, stream(r, u), plays));
            }
        }
        return new Plan(all);
    }

    private static String stream(int room, int user) {
        return "m" + room + "-s" + user;
    }

    public int sessions() {
        return participants.size();
    }

    public int publishers() {
        return (int) participants.stream().filter(p -> p.publishes() != null).count();
    }

    public int plays() {
        return participants.stream().mapToInt(p -> p.plays().size()).sum();
    }
}
