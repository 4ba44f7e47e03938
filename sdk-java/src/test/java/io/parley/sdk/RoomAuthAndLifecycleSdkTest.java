package io.parley.sdk;

import static io.parley.sdk.RoomRulesSdkTest.code;
import static io.parley.sdk.RoomRulesSdkTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.parley.sdk.media.MediaKind;
import io.parley.server.auth.TokenPayload;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's login checks, limits and session lifecycle (server's RoomAuthAndLimitsTest and
 * RoomSessionLifecycleTest) seen through the Java SDK: token and AppSign logins and their codes,
 * room caps, token expiry warnings and renewal, and the reconnect of a dropped socket.
 */
class RoomAuthAndLifecycleSdkTest extends WithServer {
    private int login(ExpressEngine e, String room, String user, String token) {
        return code(e.loginRoom(room, new User(user), RoomConfig.withToken(token)));
    }

    @Test
    void tokenProblemsGetTheirCodesAndTheStateSaysLoginFailed() {
        Events events = new Events();
        ExpressEngine e = server.engine(SdkServer.APP, events);
        assertThat(login(e, "r", "u", "04garbage")).isEqualTo(1002075);
        Events.Call failed = events.next("RoomStateChanged", c -> c.arg(1) == RoomStateChangedReason.LOGIN_FAILED);
        assertThat(failed.arg(2)).isEqualTo(1002075);
        assertThat(events.named("RoomStateUpdate")).last().extracting(c -> c.arg(1)).isEqualTo(RoomState.DISCONNECTED);
        assertThat(login(e, "r", "u", "03abc")).isEqualTo(1002079);
        assertThat(login(e, "r", "u", server.token(SdkServer.APP, "someone-else"))).isEqualTo(1002077);
        assertThat(login(e, "r", "u", server.token(SdkServer.SMALL, "u"))).isIn(1002075, 1002076);
        String expiring = server.token(SdkServer.APP, "u", TokenPayload.UNRESTRICTED, 10);
        server.clock.advance(11_000);
        assertThat(login(e, "r", "u", expiring)).isEqualTo(1002078);
        ExpressEngine unknownApp = ExpressEngine.createEngine(new EngineProfile(9999, server.uri()), new Events(), SdkServer.FAST);
        try {
            assertThat(login(unknownApp, "r", "u", server.token(SdkServer.APP, "u"))).isEqualTo(1001004);
        } finally {
            ok(unknownApp.destroyEngine());
        }
        // After all that the same engine still logs in.
        server.join(e, "r", "u");
    }

    @Test
    void tokenPrivilegesLimitTheRoomAndTheStreams() {
        ExpressEngine e = server.engine(SdkServer.APP, new Events());
        String onlyRoomA = server.token(SdkServer.APP, "u", new TokenPayload("roomA", true, true, List.of("s1")), 3600);
        assertThat(login(e, "roomB", "u", onlyRoomA)).isEqualTo(1002033);
        ok(e.loginRoom("roomA", new User("u"), RoomConfig.withToken(onlyRoomA)));
        assertThat(code(e.startPublishingStream("s2", new TestSource(MediaKind.AUDIO)))).isEqualTo(1003025);
        ok(e.startPublishingStream("s1", new TestSource(MediaKind.AUDIO)));
    }

    @Test
    void anAppSignLoginProvesItselfAndAWrongOrDisabledAppSignIsRefused() {
        Events events = new Events();
        ExpressEngine e = server.appSignEngine(SdkServer.APP, events);
        ok(e.loginRoom("room1", new User("signer"), new RoomConfig()));
        events.next("RoomStateChanged", c -> c.arg(1) == RoomStateChangedReason.LOGINED);
        ExpressEngine wrong = server.track(ExpressEngine.createEngine(
                new EngineProfile(SdkServer.APP.appId(), "ab".repeat(32), server.uri()), new Events(), SdkServer.FAST));
        assertThat(code(wrong.loginRoom("room1", new User("w"), new RoomConfig()))).isEqualTo(1001005);
        ExpressEngine disabled = server.appSignEngine(SdkServer.SMALL, new Events());
        assertThat(code(disabled.loginRoom("room1", new User("d"), new RoomConfig()))).isEqualTo(1002033);
    }

    @Test
    void aFullRoomRefusesWith1002034AndTheFirstLoginsCapCounts() {
        ok(server.engine(SdkServer.SMALL, new Events()).loginRoom("r", new User("a"), RoomConfig.withToken(server.token(SdkServer.SMALL, "a"))));
        ok(server.engine(SdkServer.SMALL, new Events()).loginRoom("r", new User("b"), RoomConfig.withToken(server.token(SdkServer.SMALL, "b"))));
        assertThat(login(server.engine(SdkServer.SMALL, new Events()), "r", "c", server.token(SdkServer.SMALL, "c"))).isEqualTo(1002034);
        ok(server.engine(SdkServer.APP, new Events()).loginRoom("capped", new User("a"),
                new RoomConfig(1, true, server.token(SdkServer.APP, "a"))));
        assertThat(login(server.engine(SdkServer.APP, new Events()), "capped", "b", server.token(SdkServer.APP, "b"))).isEqualTo(1002034);
    }

    @Test
    void aTokenWarnsBeforeItExpiresRenewKeepsTheSessionAndExpiryKicksWith1002056() {
        Events events = new Events();
        ExpressEngine e = server.engine(SdkServer.APP, events);
        ok(e.loginRoom("room1", new User("u"), RoomConfig.withToken(server.token(SdkServer.APP, "u", TokenPayload.UNRESTRICTED, 40))));
        server.clock.advance(11_000);
        Events.Call warning = events.next("RoomTokenWillExpire");
        assertThat(warning.arg(0)).isEqualTo("room1");
        assertThat((int) warning.arg(1)).isBetween(28, 30);
        ok(e.renewToken("room1", server.token(SdkServer.APP, "u", TokenPayload.UNRESTRICTED, 40)));
        server.clock.advance(30_000);
        assertThat(events.sees("RoomStateChanged", 300)).isFalse();
        assertThat(code(e.renewToken("room1", server.token(SdkServer.APP, "other")))).isEqualTo(1002077);
        server.clock.advance(11_000);
        Events.Call kicked = events.next("RoomStateChanged", c -> c.arg(1) == RoomStateChangedReason.KICKOUT);
        assertThat(kicked.arg(2)).isEqualTo(1002056);
    }

    @Test
    void everyThirtySecondsTheRoomReportsItsUserCount() {
        Events events = new Events();
        server.joined("room1", "a", events);
        server.joined("room1", "b", new Events());
        server.clock.advance(30_000);
        Events.Call count = events.next("RoomOnlineUserCountUpdate");
        assertThat(count.args()).containsExactly("room1", 2);
    }

    @Test
    void aDroppedSocketResumesAndReplaysWhatWasMissedWithoutADuplicateUser() throws Exception {
        TcpProxy proxy = new TcpProxy(server.server.port());
        Events aEvents = new Events();
        ExpressEngine a = server.joined("room1", "a", aEvents);
        ok(a.startPublishingStream("s1", new TestSource(MediaKind.AUDIO)));
        Events bEvents = new Events();
        ExpressEngine b = server.engineVia(proxy, bEvents, SdkServer.RESUMING);
        server.join(b, "room1", "b");
        bEvents.next("RoomStreamUpdate");
        aEvents.next("RoomUserUpdate");
        proxy.cut();
        Events.Call reconnecting = bEvents.next("RoomStateChanged", c -> c.arg(1) == RoomStateChangedReason.RECONNECTING);
        assertThat(reconnecting.arg(2)).isEqualTo(1002051);
        Events.Call reconnected = bEvents.next("RoomStateChanged", c -> c.arg(1) == RoomStateChangedReason.RECONNECTED);
        assertThat(reconnected.arg(2)).isEqualTo(0);
        // Changes while b was away (it may have been back already: either way it hears them once).
        server.joined("room1", "c", new Events());
        ok(a.stopPublishingStream("s1"));
        Events.Call cAdded = bEvents.next("RoomUserUpdate", c -> c.arg(1) == UpdateType.ADD);
        assertThat(cAdded.arg(2)).isEqualTo(List.of(new User("c")));
        Events.Call deleted = bEvents.next("RoomStreamUpdate", c -> c.arg(1) == UpdateType.DELETE);
        assertThat(deleted.arg(3)).isEqualTo("{\"stream_delete_reason\":[{\"streamID\":\"s1\",\"code\":1}]}");
        // a never saw b leave and come back.
        assertThat(aEvents.named("RoomUserUpdate")).extracting(c -> c.arg(1) + " " + ((List<User>) c.arg(2)).get(0).userID())
                .containsExactly("ADD b", "ADD c");
        assertThat(bEvents.named("RoomUserUpdate")).hasSize(2);
        // The session is usable again.
        ok(b.sendBroadcastMessage("room1", "back"));
        assertThat(aEvents.next("IMRecvBroadcastMessage")).isNotNull();
        proxy.close();
    }

    @Test
    void aPublisherAcrossADroppedSocketKeepsItsStream() throws Exception {
        TcpProxy proxy = new TcpProxy(server.server.port());
        Events aEvents = new Events();
        ExpressEngine a = server.engineVia(proxy, aEvents, SdkServer.RESUMING);
        server.join(a, "room1", "a");
        ok(a.startPublishingStream("s1", new TestSource()));
        Events bEvents = new Events();
        ExpressEngine b = server.joined("room1", "b", bEvents);
        TestSink sink = new TestSink();
        ok(b.startPlayingStream("s1", sink));
        bEvents.next("PlayerRecvAudioFirstFrame");
        proxy.cut();
        aEvents.next("PublisherStateUpdate", c -> c.arg(1) == PublisherState.PUBLISH_REQUESTING && (int) c.arg(2) == 1002051);
        aEvents.next("RoomStateChanged", c -> c.arg(1) == RoomStateChangedReason.RECONNECTED);
        aEvents.next("PublisherStateUpdate", c -> c.arg(1) == PublisherState.PUBLISHING);
        int before = sink.audioPackets.get();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> sink.audioPackets.get() > before + 20);
        assertThat(bEvents.named("RoomStreamUpdate")).hasSize(1);
        proxy.close();
    }

    @Test
    void whenTheServerCannotBeReachedTheResumeGivesUpWith1002053() throws Exception {
        try (TcpProxy proxy = new TcpProxy(server.server.port())) {
            Events events = new Events();
            ExpressEngine e = server.engineVia(proxy, events, SdkServer.FAST);
            server.join(e, "room1", "u");
            proxy.refuse(true);
            proxy.cut();
            events.next("RoomStateChanged", c -> c.arg(1) == RoomStateChangedReason.RECONNECTING);
            Events.Call failed = events.next("RoomStateChanged", c -> c.arg(1) == RoomStateChangedReason.RECONNECT_FAILED);
            assertThat(failed.arg(2)).isEqualTo(1002053);
            assertThat(events.named("RoomStateUpdate")).last().extracting(c -> c.arg(1)).isEqualTo(RoomState.DISCONNECTED);
            assertThat(code(e.sendBroadcastMessage("room1", "anyone?"))).isEqualTo(1000002);
        }
    }

    @Test
    void pastTheServersWindowTheResumeIsRefusedAndTheOthersSawHeartbeatTimeout() throws Exception {
        try (TcpProxy proxy = new TcpProxy(server.server.port())) {
            Events watcher = new Events();
            server.joined("room1", "watcher", watcher);
            Events events = new Events();
            ExpressEngine e = server.engineVia(proxy, events, SdkServer.FAST.withReconnectTimeoutMillis(20_000));
            server.join(e, "room1", "u");
            ok(e.startPublishingStream("su", new TestSource(MediaKind.AUDIO)));
            watcher.next("RoomStreamUpdate");
            proxy.refuse(true);
            proxy.cut();
            events.next("RoomStateChanged", c -> c.arg(1) == RoomStateChangedReason.RECONNECTING);
            org.awaitility.Awaitility.await().until(() -> server.server.rooms().reconnectingCount() == 1);
            server.clock.advance(30_001);
            Events.Call deleted = watcher.next("RoomStreamUpdate");
            assertThat(deleted.arg(3)).isEqualTo("{\"stream_delete_reason\":[{\"streamID\":\"su\",\"code\":2}]}");
            proxy.refuse(false);
            Events.Call failed = events.next("RoomStateChanged", c -> c.arg(1) == RoomStateChangedReason.RECONNECT_FAILED);
            assertThat(failed.arg(2)).isEqualTo(1002053);
            assertThat((String) failed.arg(3)).contains("1100021");
            assertThat(events.named("PublisherStateUpdate")).last().extracting(c -> c.arg(1)).isEqualTo(PublisherState.NO_PUBLISH);
        }
    }
}
