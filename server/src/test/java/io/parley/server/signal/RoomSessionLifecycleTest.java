package io.parley.server.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.Request;
import io.parley.protocol.User;
import io.parley.server.room.RoomServiceConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Leaving by time: the reconnect window, heartbeats, token expiry and renewal, the online count. */
class RoomSessionLifecycleTest {
    private TestServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aResumeInsideTheWindowReplaysWhatWasMissedWithoutDuplicates() throws Exception {
        server = new TestServer();
        ScriptedClient a = server.joined("room1", "a", true);
        a.call(new Request.Publish(a.nextId(), "s1", "one", null));
        a.call(new Request.Publish(a.nextId(), "s2", "two", null));
        ScriptedClient b = server.client();
        JsonNode login = b.login(TestServer.APP.appId(), "room1", "b", server.token(TestServer.APP, "b"), true);
        b.event("roomStreamUpdate");
        a.event("roomUserUpdate");
        b.abort();
        await().until(() -> server.server.rooms().reconnectingCount() == 1);
        server.joined("room1", "c", false);
        a.call(new Request.Unpublish(a.nextId(), "s1"));
        a.call(new Request.SetStreamExtraInfo(a.nextId(), "s2", "changed"));
        a.call(new Request.Publish(a.nextId(), "s3", "three", null));
        server.clock.advance(29_000);

        ScriptedClient b2 = server.client();
        JsonNode resumed = b2.resume(TestServer.APP.appId(), "room1", "b", login.path("sessionToken").asText());
        assertThat(resumed.path("code").asInt()).isZero();
        assertThat(resumed.path("resumed").asBoolean()).isTrue();
        assertThat(resumed.path("roomSessionID").asText()).isEqualTo(login.path("roomSessionID").asText());
        assertThat(b2.event("roomUserUpdate").at("/userList/0/userID").asText()).isEqualTo("c");
        JsonNode gone = b2.event("roomStreamUpdate", m -> m.path("updateType").asText().equals("DELETE"));
        assertThat(gone.at("/streamList/0/streamID").asText()).isEqualTo("s1");
        assertThat(gone.at("/extendedData/stream_delete_reason/0/code").asInt()).isEqualTo(1);
        JsonNode added = b2.event("roomStreamUpdate", m -> m.path("updateType").asText().equals("ADD"));
        assertThat(added.at("/streamList/0/streamID").asText()).isEqualTo("s3");
        assertThat(b2.event("roomStreamExtraInfoUpdate").at("/streamList/0/extraInfo").asText()).isEqualTo("changed");
        // a never saw b leave or come back: no duplicate user.
        assertThat(a.sees("roomUserUpdate", 300)).isTrue(); // c's ADD
        assertThat(a.received()).filteredOn(m -> m.path("event").asText().equals("roomUserUpdate"))
                .extracting(m -> m.at("/userList/0/userID").asText() + " " + m.path("updateType").asText())
                .containsExactly("b ADD", "c ADD");
        server.clock.advance(60_000);
        assertThat(server.server.rooms().sessionCount()).isEqualTo(3);
    }

    @Test
    void aResumeStatingWhatTheClientKnowsReplaysWhatWasLostInFlight() throws Exception {
        server = new TestServer();
        ScriptedClient a = server.joined("room1", "a", true);
        a.call(new Request.Publish(a.nextId(), "s1", "one", null));
        ScriptedClient b = server.client();
        JsonNode login = b.login(TestServer.APP.appId(), "room1", "b", server.token(TestServer.APP, "b"), true);
        b.event("roomStreamUpdate");
        b.abort();
        await().until(() -> server.server.rooms().reconnectingCount() == 1);
        // As if a's ADD and s1's ADD had been lost in flight, and a stream "ghost" had been seen.
        ScriptedClient b2 = server.client();
        JsonNode resumed = b2.call(new Request.Login(b2.nextId(), TestServer.APP.appId(), "room1", new User("b", "b"),
                new Request.LoginConfig(true, 0), null, null, login.path("sessionToken").asText(), List.of("b"), List.of("ghost")));
        assertThat(resumed.path("resumed").asBoolean()).isTrue();
        assertThat(b2.event("roomUserUpdate").at("/userList/0/userID").asText()).isEqualTo("a");
        JsonNode gone = b2.event("roomStreamUpdate", m -> m.path("updateType").asText().equals("DELETE"));
        assertThat(gone.at("/streamList/0/streamID").asText()).isEqualTo("ghost");
        assertThat(gone.at("/extendedData/stream_delete_reason/0/code").asInt()).isEqualTo(6);
        JsonNode added = b2.event("roomStreamUpdate", m -> m.path("updateType").asText().equals("ADD"));
        assertThat(added.at("/streamList/0/extraInfo").asText()).isEqualTo("one");
        assertThat(b2.sees("roomUserUpdate", 200)).isFalse();
    }

    @Test
    void aResumeWhileTheOldConnectionStillLivesClosesTheOldOne() throws Exception {
        server = new TestServer();
        ScriptedClient watcher = server.joined("room1", "watcher", true);
        ScriptedClient old = server.client();
        JsonNode login = old.login(TestServer.APP.appId(), "room1", "b", server.token(TestServer.APP, "b"), true);
        watcher.event("roomUserUpdate");
        ScriptedClient fresh = server.client();
        JsonNode resumed = fresh.resume(TestServer.APP.appId(), "room1", "b", login.path("sessionToken").asText());
        assertThat(resumed.path("resumed").asBoolean()).isTrue();
        assertThat(old.event("kickedOut").path("errorCode").asInt()).isEqualTo(1002052);
        await().until(old::isClosed);
        assertThat(fresh.call(new Request.Publish(fresh.nextId(), "sb", "", null)).path("code").asInt()).isZero();
        assertThat(watcher.event("roomStreamUpdate").at("/streamList/0/user/userID").asText()).isEqualTo("b");
        assertThat(watcher.sees("roomUserUpdate", 300)).isFalse();
    }

    @Test
    void pastTheWindowTheUserLeavesWithHeartbeatTimeout() throws Exception {
        server = new TestServer();
        ScriptedClient watcher = server.joined("room1", "watcher", true);
        ScriptedClient b = server.client();
        JsonNode login = b.login(TestServer.APP.appId(), "room1", "b", server.token(TestServer.APP, "b"), true);
        b.call(new Request.Publish(b.nextId(), "sb", "", null));
        watcher.event("roomStreamUpdate");
        b.abort();
        await().until(() -> server.server.rooms().reconnectingCount() == 1);
        server.clock.advance(29_999);
        assertThat(watcher.sees("roomStreamUpdate", 200)).isFalse();
        server.clock.advance(2);
        JsonNode deleted = watcher.event("roomStreamUpdate");
        assertThat(deleted.at("/extendedData/stream_delete_reason/0/code").asInt()).isEqualTo(2);
        assertThat(watcher.event("roomUserUpdate", m -> m.path("updateType").asText().equals("DELETE"))
                .at("/userList/0/userID").asText()).isEqualTo("b");
        ScriptedClient late = server.client();
        JsonNode r = late.resume(TestServer.APP.appId(), "room1", "b", login.path("sessionToken").asText());
        assertThat(r.path("code").asInt()).isEqualTo(1100021);
    }

    @Test
    void aSilentConnectionGetsHeartbeatsThenIsClosedAndItsSessionWaits() throws Exception {
        server = new TestServer(List.of(TestServer.APP), RoomServiceConfig.DEFAULT, new SignalOptions(1, 2, 4096, 131072));
        ScriptedClient watcher = server.joined("room1", "watcher", true);
        ScriptedClient silent = server.joined("room1", "silent", false);
        assertThat(silent.event("heartbeat").path("serverTime").asLong()).isPositive();
        // The watcher heartbeats, so it stays; the silent one is closed, then leaves once the window has passed.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(400)).until(() -> {
            watcher.send(new Request.Heartbeat(watcher.nextId()));
            return silent.isClosed() && server.server.rooms().reconnectingCount() == 1;
        });
        assertThat(watcher.isClosed()).isFalse();
        server.clock.advance(30_001);
        assertThat(watcher.event("roomUserUpdate", m -> m.path("updateType").asText().equals("DELETE"))
                .at("/userList/0/userID").asText()).isEqualTo("silent");
    }

    @Test
    void aTokenWarnsThirtySecondsBeforeExpiryAndRenewKeepsTheSession() throws Exception {
        server = new TestServer();
        ScriptedClient c = server.client();
        var r = c.login(TestServer.APP.appId(), "room1", "u", server.token(TestServer.APP, "u",
                io.parley.server.auth.TokenPayload.UNRESTRICTED, 60), false);
        assertThat(r.path("tokenExpireTime").asLong()).isEqualTo(server.clock.nowMillis() / 1000 + 60);
        server.clock.advance(29_000);
        assertThat(c.sees("roomTokenWillExpire", 200)).isFalse();
        server.clock.advance(1_000);
        assertThat(c.event("roomTokenWillExpire").path("remainTimeInSecond").asInt()).isEqualTo(30);
        JsonNode renewed = c.call(new Request.RenewToken(c.nextId(), server.token(TestServer.APP, "u")));
        assertThat(renewed.path("code").asInt()).isZero();
        assertThat(renewed.path("tokenExpireTime").asLong()).isEqualTo(server.clock.nowMillis() / 1000 + 3600);
        server.clock.advance(60_000);
        assertThat(c.sees("kickedOut", 200)).isFalse();
        assertThat(c.call(new Request.Heartbeat(c.nextId())).path("code").asInt()).isZero();
        // A renew with another user's token is refused and changes nothing.
        assertThat(c.call(new Request.RenewToken(c.nextId(), server.token(TestServer.APP, "other"))).path("code").asInt())
                .isEqualTo(1002077);
    }

    @Test
    void anExpiredTokenEndsTheSessionWith1002056() throws Exception {
        server = new TestServer();
        ScriptedClient watcher = server.joined("room1", "watcher", false);
        ScriptedClient c = server.client();
        c.login(TestServer.APP.appId(), "room1", "u", server.token(TestServer.APP, "u",
                io.parley.server.auth.TokenPayload.UNRESTRICTED, 60), false);
        c.call(new Request.Publish(c.nextId(), "su", "", null));
        watcher.event("roomStreamUpdate");
        server.clock.advance(60_000);
        assertThat(c.event("kickedOut").path("errorCode").asInt()).isEqualTo(1002056);
        assertThat(watcher.event("roomStreamUpdate").at("/extendedData/stream_delete_reason/0/code").asInt()).isEqualTo(4);
        await().until(c::isClosed);
    }

    @Test
    void everyThirtySecondsTheRoomReportsItsUserCount() throws Exception {
        server = new TestServer();
        ScriptedClient a = server.joined("room1", "a", false);
        server.joined("room1", "b", false);
        server.clock.advance(30_000);
        assertThat(a.event("roomOnlineUserCountUpdate").path("count").asInt()).isEqualTo(2);
        server.clock.advance(30_000);
        assertThat(a.event("roomOnlineUserCountUpdate").path("count").asInt()).isEqualTo(2);
    }
}
