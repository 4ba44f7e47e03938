package io.parley.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.app.App;
import io.parley.server.app.AppRegistry;
import io.parley.server.auth.AuthException;
import io.parley.server.auth.NonceCache;
import io.parley.server.auth.RestSignature;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server REST API in ZEGO's server API v2 shape ({@code docs/rest-api.md}):
 * {@code GET /api/?Action=NAME&AppId=..&SignatureNonce=..&Timestamp=..&Signature=..&SignatureVersion=2.0&...}
 * answered with {@code {"Code", "Message", "RequestId", "Data"}}. This is the JSON edge: it checks
 * the signature, the window and the nonce, reads the parameters and logs each refusal once.
 */
public final class RestApi {
    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_NONCE_CHARS = 64;

    private final AppRegistry apps;
    private final RestActions actions;
    private final NonceCache nonces;
    private final SecureRandom random = new SecureRandom();

    /** The API over {@code apps} and {@code rooms}, remembering nonces in {@code nonces} (see {@link #newNonceCache()}). */
    public RestApi(AppRegistry apps, RoomAdmin rooms, NonceCache nonces) {
        this.apps = Objects.requireNonNull(apps, "apps");
        this.actions = new RestActions(Objects.requireNonNull(rooms, "rooms"));
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /**
     * A nonce cache sized for this API: 100,000 nonces, each kept 20 minutes, since a request is
     * replayable while its Timestamp is within ±10 minutes of now.
     */
    public static NonceCache newNonceCache() {
        return new NonceCache(100_000, 2 * RestSignature.WINDOW_SECONDS);
    }

    /** Answers one request; {@code query} maps each parameter name to its values, decoded. */
    public RestResponse handle(Map<String, List<String>> query, long nowSeconds) {
        String requestId = Long.toUnsignedString(random.nextLong());
        RestQuery params = new RestQuery(query);
        String action = "?";
        long appId = 0;
        try {
            App app = authenticate(params, nowSeconds);
            appId = app.appId();
            action = params.required("Action", RestError.NO_ACTION);
            RestActions.Action handler = actions.find(action);
            if (handler == null) {
                throw new RestError(RestError.UNKNOWN_ACTION, 400, "unsupported Action '" + shorten(action) + "'");
            }
            ObjectNode data = handler.run(appId, params);
            LOG.debug("REST {} for app {} done (request {})", action, appId, requestId);
            return respond(200, 0, "success", requestId, data);
        } catch (RestError e) {
            LOG.info("REST {} for app {} refused: code {}: {} (request {})",
                    shorten(action), appId, e.code(), e.getMessage(), requestId);
            return respond(e.httpStatus(), e.code(), e.getMessage(), requestId, null);
        } catch (RuntimeException e) {
            LOG.error("REST {} for app {} failed in the room service (request {})", shorten(action), appId, requestId, e);
            return respond(500, RestError.FAILED, "the request failed inside the server", requestId, null);
        }
    }

    private App authenticate(RestQuery params, long nowSeconds) throws RestError {
        long appId = appId(params.required("AppId", RestError.BAD_APP_ID));
        String nonce = params.required("SignatureNonce", RestError.NO_NONCE);
        if (nonce.length() > MAX_NONCE_CHARS || !nonce.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
            throw RestError.badParameter("SignatureNonce must be 1 to " + MAX_NONCE_CHARS + " hex characters");
        }
        long timestamp = timestamp(params.required("Timestamp", RestError.NO_TIMESTAMP));
        String signature = params.required("Signature", RestError.NO_SIGNATURE);
        String version = params.required("SignatureVersion", RestError.NO_SIGNATURE_VERSION);
        if (!version.equals("2.0")) {
            throw new RestError(RestError.BAD_SIGNATURE_VERSION, 400, "SignatureVersion must be 2.0");
        }
        App app = apps.find(appId).orElseThrow(() ->
                new RestError(RestError.UNKNOWN_APP, 401, "no app with AppId " + appId));
        try {
            RestSignature.verify(app, nonce, timestamp, signature, nowSeconds);
        } catch (AuthException e) {
            throw new RestError(e.code(), 401, e.getMessage());
        }
        switch (nonces.use(appId, nonce.toLowerCase(java.util.Locale.ROOT), nowSeconds)) {
            case REPLAY -> throw new RestError(RestError.NONCE_REUSED, 401,
                    "SignatureNonce was already used; sign each request with a new one");
            case FULL -> throw new RestError(RestError.NONCE_CACHE_FULL, 429,
                    "too many requests in the signature window; retry later");
            case FIRST -> {
                return app;
            }
            default -> throw new IllegalStateException();
        }
    }

    private static long appId(String text) throws RestError {
        if (text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new RestError(RestError.BAD_APP_ID, 400, "AppId must be an unsigned 32-bit number");
        }
        long value = Long.parseLong(text);
        if (value < 1 || value > App.MAX_APP_ID) {
            throw new RestError(RestError.BAD_APP_ID, 400, "AppId must be an unsigned 32-bit number above 0");
        }
        return value;
    }

    private static long timestamp(String text) throws RestError {
        String digits = text.startsWith("-") ? text.substring(1) : text;
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new RestError(RestError.BAD_TIMESTAMP, 400, "Timestamp must be unix seconds");
        }
        return Long.parseLong(text);
    }

    private static RestResponse respond(int status, int code, String message, String requestId, ObjectNode data) {
        ObjectNode body = JSON.createObjectNode()
                .put("Code", code)
                .put("Message", message)
                .put("RequestId", requestId);
        if (data != null) {
            body.set("Data", data);
        }
        try {
            return new RestResponse(status, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    /** Caller-supplied text made safe to log and echo: short, one line, printable. */
    private static String shorten(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
