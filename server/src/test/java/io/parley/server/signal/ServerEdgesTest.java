package io.parley.server.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.protocol.Request;
import io.parley.server.app.App;
import io.parley.server.app.AppLimits;
import io.parley.server.auth.RestSignature;
import io.parley.server.room.RoomServiceConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP routes beside /ws, the REST API over real rooms, and a stalled client being dropped. */
class ServerEdgesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthMetricsAndUnknownPaths() throws Exception {
        server = new TestServer();
        assertThat(get("/healthz").body()).isEqualTo("ok\n");
        ScriptedClient c = server.joined("r", "u", false);
        c.sendRaw("nonsense");
        assertThat(c.response(-1).path("code").asInt()).isEqualTo(1100001);
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("parley_rooms 1.0", "parley_sessions 1.0", "parley_signal_errors_total{code=\"1100001\"} 1.0");
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
        assertThat(get("/").body()).contains("/ws");
    }

    @Test
    void aMessageInFragmentsIsReadWhole() throws Exception {
        server = new TestServer();
        ScriptedClient a = server.joined("r", "a", false);
        ScriptedClient b = server.joined("r", "b", false);
        String text = "x".repeat(900);
        a.sendFragmented(new io.parley.protocol.MessageCodec().encode(new Request.Broadcast(77, text)), 3);
        assertThat(a.response(77).path("code").asInt()).isZero();
        assertThat(b.event("IMRecvBroadcastMessage").at("/messageList/0/message").asText()).isEqualTo(text);
    }

    @Test
    void theRestApiSeesAndActsOnRooms() throws Exception {
        server = new TestServer();
        App app = TestServer.APP;
        ScriptedClient a = server.joined("r", "a", false);
        ScriptedClient b = server.joined("r", "b", false);
        a.call(new Request.Publish(a.nextId(), "sa", "x", null));
        JsonNode count = rest(app, "DescribeUserNum", "&RoomId[]=r&RoomId[]=empty", "a1");
        assertThat(count.at("/Data/UserCountList/0/UserCount").asInt()).as(count.toString()).isEqualTo(2);
        assertThat(count.at("/Data/UserCountList/1/UserCount").asInt()).isZero();
        JsonNode page = rest(app, "DescribeUserList", "&RoomId=r&Limit=1", "a2");
        assertThat(page.at("/Data/UserList/0/UserId").asText()).isEqualTo("a");
        JsonNode next = rest(app, "DescribeUserList", "&RoomId=r&Limit=1&Marker=" + page.at("/Data/Marker").asText(), "a3");
        assertThat(next.at("/Data/UserList/0/UserId").asText()).isEqualTo("b");
        JsonNode streams = rest(app, "DescribeSimpleStreamList", "&RoomId=r", "a4");
        assertThat(streams.toString()).contains("sa");
        rest(app, "SendBroadcastMessage", "&RoomId=r&UserId=admin&UserName=admin&MessageContent=hello", "a5");
        assertThat(b.event("IMRecvBroadcastMessage").at("/messageList/0/fromUser/userID").asText()).isEqualTo("admin");
        JsonNode kicked = rest(app, "KickoutUser", "&RoomId=r&UserId[]=a", "a6");
        assertThat(kicked.path("Code").asInt()).as(kicked.toString()).isZero();
        assertThat(a.event("kickedOut").path("errorCode").asInt()).isEqualTo(1100022);
        assertThat(b.event("roomStreamUpdate", m -> m.path("updateType").asText().equals("DELETE"))
                .at("/extendedData/stream_delete_reason/0/code").asInt()).isEqualTo(4);
        rest(app, "CloseRoom", "&RoomId=r", "a7");
        assertThat(b.event("kickedOut").path("errorCode").asInt()).isEqualTo(1100023);
        await().until(() -> server.server.rooms().roomCount() == 0);
    }

    private JsonNode rest(App app, String action, String params, String nonce) throws Exception {
        long now = server.clock.nowMillis() / 1000;
        String q = "/api/?Action=" + action + "&AppId=" + app.appId() + "&SignatureNonce=" + nonce + "&Timestamp=" + now
                + "&SignatureVersion=2.0&Signature=" + RestSignature.sign(app, nonce, now) + params;
        return new ObjectMapper().readTree(get(q).body());
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndTheRoomGoesOn() throws Exception {
        App fast = new App(4004, "22".repeat(32), "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345", true, new AppLimits(100, 1, 10, 1_000_000));
        server = new TestServer(List.of(fast), RoomServiceConfig.DEFAULT, new SignalOptions(10, 30, 1000, 131072));
        StalledClient stalled = new StalledClient(server.port());
        stalled.sendText(new io.parley.protocol.MessageCodec().encode(new Request.Login(1, fast.appId(), "r",
                new io.parley.protocol.User("stalled", "s"), new Request.LoginConfig(false, 0), server.token(fast, "stalled"), null, null)));
        await().until(() -> server.server.rooms().sessionCount() == 1);
        ScriptedClient sender = server.client();
        sender.login(fast.appId(), "r", "sender", server.token(fast, "sender"), false);
        ScriptedClient other = server.client();
        other.login(fast.appId(), "r", "other", server.token(fast, "other"), false);
        String big = "m".repeat(1000);
        // Batches of 100, each awaited, so the sender and the other client (who read) never fall behind.
        for (int batch = 0; batch < 500 && server.server.rooms().reconnectingCount() == 0; batch++) {
            long last = 0;
            for (int i = 0; i < 100; i++) {
                last = sender.send(new Request.Barrage(sender.nextId(), big));
            }
            long messageId = sender.response(last).path("messageID").asLong();
            other.event("IMRecvBarrageMessage", m -> m.at("/messageList/0/messageID").asLong() == messageId);
            sender.forget();
            other.forget();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> server.server.rooms().reconnectingCount() == 1);
        assertThat(get("/metrics").body()).contains("parley_signal_slow_sessions_dropped_total 1.0");
        assertThat(other.isClosed()).isFalse();
        assertThat(sender.call(new Request.Heartbeat(sender.nextId())).path("code").asInt()).isZero();
        assertThat(other.call(new Request.Heartbeat(other.nextId())).path("code").asInt()).isZero();
        stalled.close();
    }
}
