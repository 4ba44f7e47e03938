package io.parley.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server's room rules (server's RoomRulesTest) seen through the Java SDK's events: what a
 * login brings, who hears user and stream updates, duplicate streamIDs and userIDs, logout and
 * unpublish with their delete reasons, extra infos, messages and commands.
 */
class RoomRulesSdkTest extends WithServer {
    static int code(CompletableFuture<?> f) {
        Throwable t = catchThrowable(() -> f.orTimeout(15, TimeUnit.SECONDS).join());
        assertThat(t).as("the call should have failed").isInstanceOf(CompletionException.class);
        assertThat(t.getCause()).isInstanceOf(ExpressException.class);
        return ((ExpressException) t.getCause()).errorCode();
    }

    static <T> T ok(CompletableFuture<T> f) {
        return f.orTimeout(15, TimeUnit.SECONDS).join();
    }

    @Test
    void loginGoesConnectingThenConnectedWithTheRoomSessionID() {
        Events events = new Events();
        server.joined("room1", "alice", events);
        Events.Call connecting = events.next("RoomStateChanged");
        assertThat(connecting.args()).containsExactly("room1", RoomStateChangedReason.LOGINING, 0, "{}");
        Events.Call connected = events.next("RoomStateUpdate", c -> c.arg(1) == RoomState.CONNECTED);
        assertThat((String) connected.arg(3)).matches("\\{\"room_session_id\":\"\\d+\"}");
        assertThat(events.next("RoomStateChanged").arg(1)).isEqualTo(RoomStateChangedReason.LOGINED);
        assertThat(RoomState.CONNECTED.value()).isEqualTo(2);
        assertThat(RoomStateChangedReason.KICKOUT.value()).isEqualTo(6);
    }

    @Test
    void callsBeforeLoginAndBadArgumentsFailWithTheirCodes() {
        ExpressEngine e = server.engine(SdkServer.APP, new Events());
        assertThat(code(e.startPublishingStream("s1", new TestSource()))).isEqualTo(1000002);
        assertThat(code(e.startPlayingStream("s1", new TestSink()))).isEqualTo(1000002);
        assertThat(code(e.sendBroadcastMessage("room1", "hi"))).isEqualTo(1000002);
        assertThat(code(e.loginRoom("bad room id?", new User("u"), RoomConfig.withToken("04x")))).isEqualTo(1100010);
        assertThat(code(e.loginRoom("room1", new User("u"), new RoomConfig()))).isEqualTo(1002067);
        server.join(e, "room1", "u");
        assertThat(code(e.startPublishingStream("bad stream!", new TestSource()))).isEqualTo(1000016);
        assertThat(code(e.startPublishingStream("x".repeat(256), new TestSource()))).isEqualTo(1000014);
        assertThat(code(e.loginRoom("room2", new User("u"), RoomConfig.withToken(server.token(SdkServer.APP, "u")))))
                .isEqualTo(1002001);
        assertThat(code(e.sendBroadcastMessage("room1", "x".repeat(1025)))).isEqualTo(1009002);
        assertThat(code(e.sendBroadcastMessage("another", "hi"))).isEqualTo(1000002);
    }

    @Test
    void theRoomArrivesAsAddUpdatesAndUserUpdatesOnlyReachThoseWhoAsked() {
        Events aliceEvents = new Events();
        ExpressEngine alice = server.joined("room1", "alice", aliceEvents);
        ok(alice.startPublishingStream("sa", new TestSource(io.parley.sdk.media.MediaKind.AUDIO), "hello"));
        ok(alice.setRoomExtraInfo("room1", "topic", "cats"));

        Events bobEvents = new Events();
        server.joined("room1", "bob", bobEvents);
        Events.Call users = bobEvents.next("RoomUserUpdate");
        assertThat(users.arg(1)).isEqualTo(UpdateType.ADD);
        assertThat(users.arg(2)).isEqualTo(List.of(new User("alice")));
        Events.Call streams = bobEvents.next("RoomStreamUpdate");
        assertThat(streams.arg(1)).isEqualTo(UpdateType.ADD);
        assertThat(streams.arg(2)).isEqualTo(List.of(new StreamInfo("sa", new User("alice"), "hello")));
        assertThat(aliceEvents.next("RoomUserUpdate").arg(2)).isEqualTo(List.of(new User("bob")));

        Events quietEvents = new Events();
        ExpressEngine quiet = server.engine(SdkServer.APP, quietEvents);
        ok(quiet.loginRoom("room1", new User("quiet", "Quiet One"), new RoomConfig(0, false, server.token(SdkServer.APP, "quiet"))));
        assertThat(quietEvents.next("RoomStreamUpdate").arg(2)).isEqualTo(List.of(new StreamInfo("sa", new User("alice"), "hello")));
        assertThat(aliceEvents.next("RoomUserUpdate").arg(2)).isEqualTo(List.of(new User("quiet", "Quiet One")));
        assertThat(quietEvents.sees("RoomUserUpdate", 300)).isFalse();
    }

    @Test
    void aDuplicateStreamIDFailsForTheLaterPublisherAndLeavesTheFirstAlone() {
        Events firstEvents = new Events();
        ExpressEngine first = server.joined("room1", "first", firstEvents);
        Events laterEvents = new Events();
        ExpressEngine later = server.joined("room1", "later", laterEvents);
        ok(first.startPublishingStream("s1", new TestSource(io.parley.sdk.media.MediaKind.AUDIO)));
        assertThat(code(later.startPublishingStream("s1", new TestSource(io.parley.sdk.media.MediaKind.AUDIO)))).isEqualTo(1003028);
        laterEvents.next("PublisherStateUpdate", c -> c.arg(1) == PublisherState.PUBLISH_REQUESTING);
        Events.Call refused = laterEvents.next("PublisherStateUpdate");
        assertThat(refused.args()).containsExactly("s1", PublisherState.NO_PUBLISH, 1003028, "{}");
        assertThat(code(first.startPublishingStream("s1", new TestSource()))).isEqualTo(1003023);
        assertThat(firstEvents.named("PublisherStateUpdate")).extracting(c -> c.arg(1))
                .containsExactly(PublisherState.PUBLISH_REQUESTING, PublisherState.PUBLISHING);
    }

    @Test
    void aDuplicateUserIDKicksTheFirstSessionAndItsStreamsLeaveWithReason3() {
        Events watcherEvents = new Events();
        server.joined("room1", "watcher", watcherEvents);
        Events firstEvents = new Events();
        ExpressEngine first = server.joined("room1", "dup", firstEvents);
        ok(first.startPublishingStream("s1", new TestSource(io.parley.sdk.media.MediaKind.AUDIO)));
        watcherEvents.next("RoomStreamUpdate");
        server.joined("room1", "dup", new Events());
        assertThat(firstEvents.next("RoomStateUpdate", c -> c.arg(1) == RoomState.DISCONNECTED).arg(2)).isEqualTo(1002050);
        Events.Call kicked = firstEvents.next("RoomStateChanged", c -> c.arg(1) == RoomStateChangedReason.KICKOUT);
        assertThat(kicked.arg(2)).isEqualTo(1002050);
        assertThat(firstEvents.named("PublisherStateUpdate")).last().extracting(c -> c.args())
                .isEqualTo(List.of("s1", PublisherState.NO_PUBLISH, 1002050, "{}"));
        Events.Call gone = watcherEvents.next("RoomStreamUpdate");
        assertThat(gone.arg(1)).isEqualTo(UpdateType.DELETE);
        assertThat(gone.arg(3)).isEqualTo("{\"stream_delete_reason\":[{\"streamID\":\"s1\",\"code\":3}]}");
        // The kicked engine is out: it does not try to come back.
        assertThat(firstEvents.sees("RoomStateChanged", 500)).isFalse();
    }

    @Test
    void logoutAndUnpublishDeleteStreamsWithReason1() {
        Events watcherEvents = new Events();
        server.joined("room1", "watcher", watcherEvents);
        Events aEvents = new Events();
        ExpressEngine a = server.joined("room1", "a", aEvents);
        ok(a.startPublishingStream("s1", new TestSource(io.parley.sdk.media.MediaKind.AUDIO)));
        ok(a.startPublishingStream("s2", new TestSource(io.parley.sdk.media.MediaKind.VIDEO)));
        assertThat(watcherEvents.next("RoomStreamUpdate").arg(2)).isEqualTo(List.of(new StreamInfo("s1", new User("a"), "")));
        assertThat(watcherEvents.next("RoomStreamUpdate").arg(2)).isEqualTo(List.of(new StreamInfo("s2", new User("a"), "")));
        ok(a.stopPublishingStream("s1"));
        Events.Call unpublished = watcherEvents.next("RoomStreamUpdate");
        assertThat(unpublished.arg(3)).isEqualTo("{\"stream_delete_reason\":[{\"streamID\":\"s1\",\"code\":1}]}");
        assertThat(code(a.stopPublishingStream("s1"))).isEqualTo(1004002);
        ok(a.logoutRoom());
        // As the Web SDK: the streams stop with the session, then the room reports the logout.
        aEvents.next("PublisherStateUpdate", c -> c.arg(0).equals("s2") && c.arg(1) == PublisherState.NO_PUBLISH);
        assertThat(aEvents.next("RoomStateChanged", c -> c.arg(1) == RoomStateChangedReason.LOGOUT).arg(2)).isEqualTo(0);
        Events.Call loggedOut = watcherEvents.next("RoomStreamUpdate");
        assertThat(loggedOut.arg(3)).isEqualTo("{\"stream_delete_reason\":[{\"streamID\":\"s2\",\"code\":1}]}");
        assertThat(watcherEvents.next("RoomUserUpdate", c -> c.arg(1) == UpdateType.DELETE).arg(2)).isEqualTo(List.of(new User("a")));
        // The engine may log in again after a logout.
        server.join(a, "room1", "a");
        assertThat(watcherEvents.next("RoomUserUpdate").arg(1)).isEqualTo(UpdateType.ADD);
    }

    @Test
    void extraInfosMessagesAndCommandsReachTheOthers() {
        Events aEvents = new Events();
        ExpressEngine a = server.joined("room1", "a", aEvents);
        Events bEvents = new Events();
        server.joined("room1", "b", bEvents);
        Events cEvents = new Events();
        server.joined("room1", "c", cEvents);
        ok(a.startPublishingStream("sa", new TestSource(io.parley.sdk.media.MediaKind.AUDIO)));
        ok(a.setStreamExtraInfo("sa", "{\"mic\":true}"));
        assertThat(bEvents.next("RoomStreamExtraInfoUpdate").arg(1))
                .isEqualTo(List.of(new StreamInfo("sa", new User("a"), "{\"mic\":true}")));
        assertThat(code(a.setStreamExtraInfo("not-mine", "x"))).isEqualTo(1004002);

        ok(a.setRoomExtraInfo("room1", "topic", "dogs"));
        RoomExtraInfo info = ((List<RoomExtraInfo>) bEvents.next("RoomExtraInfoUpdate").arg(1)).get(0);
        assertThat(info.key()).isEqualTo("topic");
        assertThat(info.value()).isEqualTo("dogs");
        assertThat(info.updateUser()).isEqualTo(new User("a"));
        assertThat(info.updateTime()).isEqualTo(server.clock.nowMillis());
        assertThat(code(a.setRoomExtraInfo("room1", "much-too-long-key", "v"))).isEqualTo(1003051);

        long id = ok(a.sendBroadcastMessage("room1", "hello all"));
        BroadcastMessageInfo m = ((List<BroadcastMessageInfo>) cEvents.next("IMRecvBroadcastMessage").arg(1)).get(0);
        assertThat(m.message()).isEqualTo("hello all");
        assertThat(m.messageID()).isEqualTo(id);
        assertThat(m.fromUser()).isEqualTo(new User("a"));
        String barrageID = ok(a.sendBarrageMessage("room1", "wow"));
        BarrageMessageInfo b = ((List<BarrageMessageInfo>) bEvents.next("IMRecvBarrageMessage").arg(1)).get(0);
        assertThat(b.messageID()).isEqualTo(barrageID);
        assertThat(b.message()).isEqualTo("wow");

        ok(a.sendCustomCommand("room1", "mute", List.of(new User("c"))));
        Events.Call command = cEvents.next("IMRecvCustomCommand");
        assertThat(command.args()).containsExactly("room1", new User("a"), "mute");
        assertThat(bEvents.sees("IMRecvCustomCommand", 300)).isFalse();
        assertThat(aEvents.sees("IMRecvBroadcastMessage", 100)).isFalse();
    }

    @Test
    void playBeforePublishWaitsThenPlaysAndTheEndOfTheStreamStopsThePlay() {
        Events bobEvents = new Events();
        ExpressEngine bob = server.joined("room1", "bob", bobEvents);
        TestSink sink = new TestSink();
        ok(bob.startPlayingStream("later", sink));
        assertThat(bobEvents.next("PlayerStateUpdate").arg(1)).isEqualTo(PlayerState.PLAY_REQUESTING);
        assertThat(bobEvents.sees("PlayerStateUpdate", 300)).isFalse();
        ExpressEngine alice = server.joined("room1", "alice", new Events());
        ok(alice.startPublishingStream("later", new TestSource()));
        assertThat(bobEvents.next("PlayerStateUpdate").arg(1)).isEqualTo(PlayerState.PLAYING);
        bobEvents.next("PlayerRecvVideoFirstFrame");
        ok(alice.stopPublishingStream("later"));
        Events.Call stopped = bobEvents.next("PlayerStateUpdate");
        assertThat(stopped.arg(1)).isEqualTo(PlayerState.NO_PLAY);
        assertThat(sink.isClosed()).isTrue();
    }

    @Test
    void theSameRoomIDInTwoAppsIsTwoRooms() {
        Events aEvents = new Events();
        server.joined("room1", "a", aEvents);
        ExpressEngine other = server.engine(SdkServer.SMALL, new Events());
        ok(other.loginRoom("room1", new User("b"), RoomConfig.withToken(server.token(SdkServer.SMALL, "b"))));
        assertThat(aEvents.sees("RoomUserUpdate", 500)).isFalse();
    }
}
