package io.parley.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.parley.server.app.App;
import io.parley.server.auth.Token04;
import io.parley.server.auth.TokenPayload;
import io.parley.server.http.SdkAssets.Asset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The debug page (the seed's "Web 端调试示例"): {@code /} is its HTML, {@code /debug/*} its script
 * and style, read once from the classpath ({@code io/parley/server/debug/}).
 *
 * <p>{@code /debug/config} tells the page whether the server runs with a development app, and its
 * AppID. Only then does {@code /debug/token?userID=&roomID=} exist: it mints a Token04 for the
 * development app, so two tabs can log in without a token tool. With a real configuration the
 * development app is {@code null} and the token route answers 404 like any unknown path.
 */
final class DebugPage {
    /** What the page answers: a status, a media type and a body. */
    record Reply(HttpResponseStatus status, String contentType, byte[] body) {
    }

    /** How long a development token lives. */
    static final long TOKEN_TTL_SECONDS = 3600;

    private static final String ROOT = "io/parley/server/debug/";
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "debug.js", "text/javascript; charset=utf-8",
            "debug.css", "text/css; charset=utf-8");
    private static final String JSON = "application/json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Asset> assets;
    private final App developmentApp;

    private DebugPage(Map<String, Asset> assets, App developmentApp) {
        this.assets = assets;
        this.developmentApp = developmentApp;
    }

    /**
     * @param developmentApp the app {@code serve} made up because no config was given, or {@code null}
     *                       with a real configuration: then no token is ever minted here
     */
    static DebugPage fromClasspath(App developmentApp) {
        return new DebugPage(SdkAssets.load(ROOT, FILES), developmentApp);
    }

    /**
     * The reply to a GET of {@code path}, or empty when the path is not the page's.
     *
     * @param params     the query parameters
     * @param nowSeconds the server's clock, for the token's creation time
     */
    Optional<Reply> handle(String path, Map<String, List<String>> params, long nowSeconds) {
        if (path.equals("/")) {
            return asset("index.html");
        }
        if (!path.startsWith("/debug/")) {
            return Optional.empty();
        }
        String name = path.substring("/debug/".length());
        return switch (name) {
            case "config" -> Optional.of(config());
            case "token" -> developmentApp == null ? Optional.empty() : Optional.of(token(params, nowSeconds));
            default -> asset(name);
        };
    }

    private Optional<Reply> asset(String name) {
        return Optional.ofNullable(assets.get(name)).map(a -> new Reply(HttpResponseStatus.OK, a.contentType(), a.body()));
    }

    private Reply config() {
        ObjectNode json = MAPPER.createObjectNode().put("development", developmentApp != null);
        if (developmentApp != null) {
            json.put("appID", developmentApp.appId());
        }
        return json(HttpResponseStatus.OK, json);
    }

    private Reply token(Map<String, List<String>> params, long nowSeconds) {
        String userId = first(params, "userID");
        String roomId = first(params, "roomID");
        if (userId.isEmpty() || userId.getBytes(StandardCharsets.UTF_8).length >= 64) {
            return json(HttpResponseStatus.BAD_REQUEST,
                    MAPPER.createObjectNode().put("error", "userID must be 1 to 63 bytes"));
        }
        if (roomId.getBytes(StandardCharsets.UTF_8).length >= 128) {
            return json(HttpResponseStatus.BAD_REQUEST,
                    MAPPER.createObjectNode().put("error", "roomID must be under 128 bytes"));
        }
        // Login and publish, in the given room (any room when none is given), any streamID.
        TokenPayload payload = new TokenPayload(roomId, true, true, List.of());
        String token = Token04.mint(developmentApp, userId, payload, TOKEN_TTL_SECONDS, Token04.Mode.GCM, nowSeconds);
        return json(HttpResponseStatus.OK, MAPPER.createObjectNode()
                .put("appID", developmentApp.appId())
                .put("userID", userId)
                .put("roomID", roomId)
                .put("expire", nowSeconds + TOKEN_TTL_SECONDS)
                .put("token", token));
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static Reply json(HttpResponseStatus status, ObjectNode json) {
        return new Reply(status, JSON, (json + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
