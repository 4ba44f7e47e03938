package io.parley.server.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.protocol.Request;
import io.parley.server.room.RoomSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many clients at once: every remaining session's view of users and streams ends equal to the server's. */
class RoomConcurrencyTest {
    private static final int CLIENTS = 300;
    private TestServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        threads.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void threeHundredClientsJoinAndLeaveAtRandomAndAllViewsAgree() throws Exception {
        server = new TestServer();
        Random random = new Random(42);
        List<Future<ScriptedClient>> joining = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String userId = "u" + i;
            boolean publishes = i % 3 == 0;
            joining.add(threads.submit(() -> {
                ScriptedClient c = server.joined("big", userId, true);
                if (publishes) {
                    c.call(new Request.Publish(c.nextId(), "s-" + userId, "", null));
                }
                return c;
            }));
        }
        List<ScriptedClient> clients = new ArrayList<>();
        for (Future<ScriptedClient> f : joining) {
            clients.add(f.get());
        }
        Collections.shuffle(clients, random);
        List<ScriptedClient> leaving = clients.subList(0, CLIENTS / 3);
        List<ScriptedClient> staying = clients.subList(CLIENTS / 3, CLIENTS);
        List<Future<?>> leaves = new ArrayList<>();
        for (ScriptedClient c : leaving) {
            boolean logout = random.nextBoolean();
            leaves.add(threads.submit(() -> {
                if (logout) {
                    c.call(new Request.Logout(c.nextId()));
                } else {
                    c.abort();
                }
            }));
        }
        for (Future<?> f : leaves) {
            f.get();
        }
        awaitViewsAgree(staying);
        // The aborted sessions were waiting for a reconnect; past the window they leave, and views still agree.
        server.clock.advance(30_001);
        await().atMost(Duration.ofSeconds(30)).until(() -> server.server.rooms().sessionCount() == staying.size());
        awaitViewsAgree(staying);
        for (ScriptedClient c : staying) {
            assertThat(c.duplicateAdds()).isZero();
        }
    }

    private void awaitViewsAgree(List<ScriptedClient> staying) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            RoomSnapshot room = server.server.rooms().snapshot(TestServer.APP.appId(), "big").get();
            for (ScriptedClient c : staying) {
                Map<String, String> users = new LinkedHashMap<>();
                Map<String, String> streams = new LinkedHashMap<>();
                String me = c.loggedInAs();
                for (RoomSnapshot.Presence p : room.users()) {
                    if (!p.member().userId().equals(me)) {
                        users.put(p.member().userId(), p.member().userName());
                    }
                }
                room.streams().stream().filter(s -> !s.user().userId().equals(me))
                        .forEach(s -> streams.put(s.streamId(), s.user().userId()));
                assertThat(c.users()).as("users seen by %s", me).isEqualTo(users);
                assertThat(c.streams()).as("streams seen by %s", me).isEqualTo(streams);
            }
        });
    }
}
