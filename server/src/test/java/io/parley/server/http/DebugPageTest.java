package io.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.server.ParleyServer;
import io.parley.server.app.App;
import io.parley.server.app.AppLimits;
import io.parley.server.auth.AuthException;
import io.parley.server.auth.Token04;
import io.parley.server.auth.TokenClaims;
import io.parley.server.auth.TokenPrivileges;
import io.parley.server.config.HttpConfig;
import io.parley.server.config.MediaConfig;
import io.parley.server.config.ParleyConfig;
import io.parley.server.room.RoomServiceConfig;
import io.parley.server.room.SystemScheduler;
import io.parley.server.signal.SignalOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The debug page at {@code /}, its assets under {@code /debug/}, and the development-only token route. */
class DebugPageTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final App APP = new App(4242, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef", true, AppLimits.DEFAULT);

    private final SystemScheduler clock = new SystemScheduler();
    private ParleyServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        clock.close();
    }

    private void start(boolean development) throws InterruptedException {
        ParleyConfig config = new ParleyConfig(new HttpConfig("127.0.0.1", 0), MediaConfig.DEFAULT, List.of(APP), development);
        server = ParleyServer.start(config, RoomServiceConfig.DEFAULT, SignalOptions.DEFAULT, clock);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String type(HttpResponse<?> r) {
        return r.headers().firstValue("content-type").orElse("");
    }

    @Test
    void servesThePageAndItsAssetsWithTheirTypes() throws Exception {
        start(false);
        var page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(type(page)).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).contains("/debug/debug.js", "/debug/debug.css", "id=\"appID\"", "id=\"token\"",
                "id=\"local-video\"", "id=\"remotes\"", "id=\"end\"", "id=\"log\"");

        var js = get("/debug/debug.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(type(js)).isEqualTo("text/javascript; charset=utf-8");
        assertThat(js.body()).contains("from '/sdk/parley-express.js'");
        var css = get("/debug/debug.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(type(css)).isEqualTo("text/css; charset=utf-8");
        assertThat(get("/debug/index.html").statusCode()).isEqualTo(200);

        assertThat(get("/debug/nothing.js").statusCode()).isEqualTo(404);
        assertThat(get("/debug/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/debug/").statusCode()).isEqualTo(404);
        // The routes beside the page are still there.
        assertThat(get("/healthz").body()).isEqualTo("ok\n");
        assertThat(get("/sdk/parley-express.js").statusCode()).isEqualTo(200);
    }

    @Test
    void withARealConfigThereIsNoTokenRouteAndNoAppID() throws Exception {
        start(false);
        assertThat(get("/debug/token?userID=u1&roomID=r1").statusCode()).isEqualTo(404);
        assertThat(get("/debug/token").statusCode()).isEqualTo(404);
        var config = get("/debug/config");
        assertThat(config.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(config.body());
        assertThat(json.path("development").asBoolean(true)).isFalse();
        assertThat(json.has("appID")).isFalse();
    }

    @Test
    void inDevelopmentModeTheTokenRouteMintsATokenThatVerifies() throws Exception {
        start(true);
        JsonNode config = new ObjectMapper().readTree(get("/debug/config").body());
        assertThat(config.path("development").asBoolean()).isTrue();
        assertThat(config.path("appID").asLong()).isEqualTo(APP.appId());

        var res = get("/debug/token?userID=alice&roomID=room1");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(type(res)).startsWith("application/json");
        JsonNode body = new ObjectMapper().readTree(res.body());
        assertThat(body.path("appID").asLong()).isEqualTo(APP.appId());
        long now = System.currentTimeMillis() / 1000;
        TokenClaims claims = Token04.verify(body.path("token").asText(), APP, "alice", now);
        assertThat(claims.expireAt()).isEqualTo(body.path("expire").asLong()).isGreaterThan(now + 3000);
        TokenPrivileges.checkLogin(claims, "room1");
        TokenPrivileges.checkPublish(claims, "any_stream");
        assertThatThrownBy(() -> TokenPrivileges.checkLogin(claims, "room2")).isInstanceOf(AuthException.class);
        assertThatThrownBy(() -> Token04.verify(body.path("token").asText(), APP, "bob", now)).isInstanceOf(AuthException.class);

        // No room: a token for any room.
        JsonNode anyRoom = new ObjectMapper().readTree(get("/debug/token?userID=bob").body());
        TokenPrivileges.checkLogin(Token04.verify(anyRoom.path("token").asText(), APP, "bob", now), "elsewhere");

        assertThat(get("/debug/token?roomID=room1").statusCode()).isEqualTo(400);
        assertThat(get("/debug/token?userID=" + "u".repeat(64)).statusCode()).isEqualTo(400);
    }
}
