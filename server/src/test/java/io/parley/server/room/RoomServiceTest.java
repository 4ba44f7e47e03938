package io.parley.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The room service without sockets: rooms created and removed under concurrent logins and logouts. */
class RoomServiceTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final SystemScheduler clock = new SystemScheduler();
    private final RoomService rooms = new RoomService(pool, clock, RoomServiceConfig.DEFAULT);

    @AfterEach
    void stop() {
        pool.shutdownNow();
        clock.close();
    }

    @Test
    void aRoomEmptyingWhileOthersJoinLosesNoOne() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Session> present = loginAll(callers, 0);
            for (int round = 1; round <= 50; round++) {
                // The room empties and refills at once: some logins meet a room that is closing.
                List<CompletableFuture<Void>> logouts = new ArrayList<>();
                for (Session s : present) {
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    callers.execute(() -> rooms.logout(s, completing(done, v -> null)));
                    logouts.add(done);
                }
                present = loginAll(callers, round);
                for (CompletableFuture<Void> f : logouts) {
                    f.get(20, TimeUnit.SECONDS);
                }
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> rooms.sessionCount() == 20);
                RoomSnapshot room = rooms.snapshot(1, "hot").get(20, TimeUnit.SECONDS);
                assertThat(room.users()).extracting(p -> p.member().userId()).as("round %d", round)
                        .containsExactlyInAnyOrderElementsOf(present.stream().map(x -> x.member().userId()).toList());
                assertThat(rooms.roomCount()).isEqualTo(1);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private List<Session> loginAll(ExecutorService callers, int round) throws Exception {
        List<CompletableFuture<Session>> logins = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String userId = "r" + round + "u" + i;
            CompletableFuture<Session> f = new CompletableFuture<>();
            callers.execute(() -> rooms.login(command("hot", userId), new Quiet(), completing(f, LoginOutcome::session)));
            logins.add(f);
        }
        List<Session> out = new ArrayList<>();
        for (CompletableFuture<Session> f : logins) {
            out.add(f.get(5, TimeUnit.SECONDS));
        }
        return out;
    }

    @Test
    void anEndedSessionIsNotLoggedIn() throws Exception {
        CompletableFuture<Session> login = new CompletableFuture<>();
        rooms.login(command("r", "u"), new Quiet(), completing(login, LoginOutcome::session));
        Session s = login.get(5, TimeUnit.SECONDS);
        CompletableFuture<Void> out = new CompletableFuture<>();
        rooms.logout(s, completing(out, v -> null));
        out.get(5, TimeUnit.SECONDS);
        CompletableFuture<Void> publish = new CompletableFuture<>();
        rooms.publish(s, "s", "", completing(publish, v -> null));
        assertThat(publish).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withMessageContaining(String.valueOf(ErrorCode.NOT_LOGGED_IN.code()));
    }

    private static LoginCommand command(String roomId, String userId) {
        return new LoginCommand(1, roomId, new Member(userId, userId), true, 0, RoomLimits.DEFAULT, Grant.UNRESTRICTED);
    }

    private static <T, R> Reply<T> completing(CompletableFuture<R> f, java.util.function.Function<T, R> map) {
        return new Reply<>() {
            @Override
            public void ok(T value) {
                f.complete(map.apply(value));
            }

            @Override
            public void fail(ErrorCode code, String message) {
                f.completeExceptionally(new IllegalStateException(code.code() + " " + message));
            }
        };
    }

    /** A session whose client ignores the room's news. */
    private static final class Quiet implements SessionListener {
        @Override public void usersAdded(List<Member> users) { }
        @Override public void usersRemoved(List<Member> users) { }
        @Override public void streamsAdded(List<PublishedStream> streams) { }
        @Override public void streamsRemoved(List<PublishedStream> streams, int[] reasons) { }
        @Override public void streamExtraInfoUpdated(List<PublishedStream> streams) { }
        @Override public void roomExtraInfoUpdated(List<RoomExtra> extras) { }
        @Override public void broadcastReceived(TextMessage message) { }
        @Override public void barrageReceived(TextMessage message) { }
        @Override public void customCommandReceived(Member from, String command) { }
        @Override public void onlineUserCount(int count) { }
        @Override public void tokenWillExpire(int remainSeconds) { }
        @Override public void playStateChanged(String streamId, boolean playing) { }
        @Override public void ended(ErrorCode code, String reason) { }
    }
}
