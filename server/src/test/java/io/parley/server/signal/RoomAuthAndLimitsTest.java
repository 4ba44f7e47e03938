package io.parley.server.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.Request;
import io.parley.protocol.User;
import io.parley.server.app.App;
import io.parley.server.app.AppLimits;
import io.parley.server.auth.AppSignProof;
import io.parley.server.auth.TokenPayload;
import io.parley.server.room.RoomServiceConfig;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Credentials and privileges on login and publish, and the app's limits. */
class RoomAuthAndLimitsTest {
    private static final App SMALL = new App(3003, "11".repeat(32), "abcdefghijklmnopqrstuvwxyz012345", false,
            new AppLimits(2, 2, 3, 50));
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start() throws InterruptedException {
        server = new TestServer(List.of(TestServer.APP, SMALL), RoomServiceConfig.DEFAULT, SignalOptions.DEFAULT);
    }

    private int login(ScriptedClient c, App app, String room, String user, String token) {
        return c.login(app.appId(), room, user, token, false).path("code").asInt();
    }

    @Test
    void tokenProblemsGetTheirCodes() throws Exception {
        start();
        App app = TestServer.APP;
        ScriptedClient c = server.client();
        assertThat(login(c, app, "r", "u", "04garbage")).isEqualTo(1002075);
        assertThat(login(c, app, "r", "u", server.token(app, "someone-else"))).isEqualTo(1002077);
        assertThat(login(c, app, "r", "u", server.token(TestServer.OTHER_APP, "u"))).isIn(1002076, 1002075);
        assertThat(login(c, app, "r", "u", server.token(app, "u", TokenPayload.UNRESTRICTED, 10))).isZero();
        ScriptedClient d = server.client();
        String expiring = server.token(app, "v", TokenPayload.UNRESTRICTED, 10);
        server.clock.advance(11_000);
        assertThat(login(d, app, "r", "v", expiring)).isEqualTo(1002078);
        assertThat(login(d, app, "r", "v", null)).isEqualTo(1002067);
        assertThat(d.login(9999, "r", "v", server.token(app, "v"), false).path("code").asInt()).isEqualTo(1001004);
    }

    @Test
    void tokenPrivilegesLimitTheRoomAndTheStreams() throws Exception {
        start();
        App app = TestServer.APP;
        ScriptedClient c = server.client();
        String onlyRoomA = server.token(app, "u", new TokenPayload("roomA", true, true, List.of()), 3600);
        assertThat(login(c, app, "roomB", "u", onlyRoomA)).isEqualTo(1002033);
        String noPublish = server.token(app, "u", new TokenPayload("roomA", true, false, List.of()), 3600);
        assertThat(login(c, app, "roomA", "u", noPublish)).isZero();
        assertThat(c.call(new Request.Publish(c.nextId(), "s", "", null)).path("code").asInt()).isEqualTo(1003025);
        ScriptedClient d = server.client();
        String listed = server.token(app, "w", new TokenPayload("", true, true, List.of("allowed")), 3600);
        assertThat(login(d, app, "roomA", "w", listed)).isZero();
        assertThat(d.call(new Request.Publish(d.nextId(), "other", "", null)).path("code").asInt()).isEqualTo(1003025);
        assertThat(d.call(new Request.Publish(d.nextId(), "allowed", "", null)).path("code").asInt()).isZero();
    }

    @Test
    void anAppSignProofOverTheHelloNonceLogsIn() throws Exception {
        start();
        App app = TestServer.APP;
        ScriptedClient c = server.client();
        String nonce = c.call(new Request.Hello(c.nextId())).path("nonce").asText();
        String proof = AppSignProof.compute(app.appSign(), app.appId(), "u", "r", nonce);
        JsonNode ok = c.call(new Request.Login(c.nextId(), app.appId(), "r", new User("u", "U"),
                new Request.LoginConfig(false, 0), null, proof, null));
        assertThat(ok.path("code").asInt()).isZero();
        assertThat(ok.path("tokenExpireTime").asLong()).isZero();

        ScriptedClient d = server.client();
        JsonNode noHello = d.call(new Request.Login(d.nextId(), app.appId(), "r", new User("v", "V"),
                new Request.LoginConfig(false, 0), null, proof, null));
        assertThat(noHello.path("code").asInt()).isEqualTo(1100005);
        String nonce2 = d.call(new Request.Hello(d.nextId())).path("nonce").asText();
        JsonNode wrong = d.call(new Request.Login(d.nextId(), app.appId(), "r", new User("v", "V"),
                new Request.LoginConfig(false, 0), null, AppSignProof.compute(app.appSign(), app.appId(), "v", "r", nonce), null));
        assertThat(wrong.path("code").asInt()).isEqualTo(1001005);
        // The nonce was spent by the failed attempt: a correct proof over it no longer works.
        JsonNode replay = d.call(new Request.Login(d.nextId(), app.appId(), "r", new User("v", "V"),
                new Request.LoginConfig(false, 0), null, AppSignProof.compute(app.appSign(), app.appId(), "v", "r", nonce2), null));
        assertThat(replay.path("code").asInt()).isEqualTo(1100005);

        ScriptedClient e = server.client();
        String n = e.call(new Request.Hello(e.nextId())).path("nonce").asText();
        JsonNode off = e.call(new Request.Login(e.nextId(), SMALL.appId(), "r", new User("x", "X"),
                new Request.LoginConfig(false, 0), null, AppSignProof.compute(SMALL.appSign(), SMALL.appId(), "x", "r", n), null));
        assertThat(off.path("code").asInt()).isEqualTo(1002033);
    }

    @Test
    void aFullRoomRefusesWith1002034() throws Exception {
        start();
        assertThat(login(server.client(), SMALL, "r", "a", server.token(SMALL, "a"))).isZero();
        assertThat(login(server.client(), SMALL, "r", "b", server.token(SMALL, "b"))).isZero();
        assertThat(login(server.client(), SMALL, "r", "c", server.token(SMALL, "c"))).isEqualTo(1002034);
        // maxMemberCount of the room's first login caps it below the app's limit.
        ScriptedClient first = server.client();
        assertThat(first.call(new Request.Login(first.nextId(), TestServer.APP.appId(), "capped", new User("a", "a"),
                new Request.LoginConfig(false, 1), server.token(TestServer.APP, "a"), null, null)).path("code").asInt()).isZero();
        assertThat(login(server.client(), TestServer.APP, "capped", "b", server.token(TestServer.APP, "b"))).isEqualTo(1002034);
    }

    @Test
    void moreRoomsThanAllowedRefusesWith1002001() throws Exception {
        start();
        assertThat(login(server.client(), SMALL, "r1", "u", server.token(SMALL, "u"))).isZero();
        assertThat(login(server.client(), SMALL, "r2", "u", server.token(SMALL, "u"))).isZero();
        assertThat(login(server.client(), SMALL, "r3", "u", server.token(SMALL, "u"))).isEqualTo(1002001);
    }

    @Test
    void broadcastsOverTheRoomRateAreRefusedWith1009015() throws Exception {
        start();
        ScriptedClient a = server.client();
        login(a, SMALL, "r", "a", server.token(SMALL, "a"));
        ScriptedClient b = server.client();
        login(b, SMALL, "r", "b", server.token(SMALL, "b"));
        for (int i = 0; i < 3; i++) {
            assertThat(a.call(new Request.Broadcast(a.nextId(), "m" + i)).path("code").asInt()).isZero();
        }
        // The limit is the room's: b is refused too.
        assertThat(b.call(new Request.Broadcast(b.nextId(), "over")).path("code").asInt()).isEqualTo(1009015);
        server.clock.advance(1000);
        assertThat(b.call(new Request.Broadcast(b.nextId(), "again")).path("code").asInt()).isZero();
    }

    @Test
    void userUpdatesStopPastTheCap() throws Exception {
        server = new TestServer(List.of(TestServer.APP), new RoomServiceConfig(30_000, 30_000, 30_000, 3), SignalOptions.DEFAULT);
        ScriptedClient a = server.joined("r", "a", true);
        server.joined("r", "b", true);
        server.joined("r", "c", true);
        assertThat(a.event("roomUserUpdate").at("/userList/0/userID").asText()).isEqualTo("b");
        assertThat(a.event("roomUserUpdate").at("/userList/0/userID").asText()).isEqualTo("c");
        ScriptedClient d = server.joined("r", "d", true);
        assertThat(a.sees("roomUserUpdate", 300)).isFalse();
        assertThat(d.sees("roomUserUpdate", 100)).isFalse();
    }
}
