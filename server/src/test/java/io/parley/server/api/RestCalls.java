package io.parley.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.server.app.App;
import io.parley.server.app.InMemoryAppRegistry;
import io.parley.server.auth.NonceCache;
import io.parley.testkit.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Signed requests to a {@link RestApi} over a {@link FakeRoomAdmin}, signed as ZEGO's docs describe. */
final class RestCalls {
    static final long APP_ID = 1234567890L;
    static final String SECRET = "0123456789abcdefghijklmnopqrstuv";
    static final App APP = new App(APP_ID, "ab".repeat(32), SECRET, true, null);
    static final long NOW = 1_795_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    final FakeRoomAdmin rooms = new FakeRoomAdmin();
    final RestApi api;
    private int nonces;

    RestCalls() {
        this(RestApi.newNonceCache());
    }

    RestCalls(NonceCache cache) {
        api = new RestApi(new InMemoryAppRegistry(List.of(APP)), rooms, cache);
    }

    /** The common parameters, signed, for {@code action}; then {@code extra} as name, value pairs. */
    static Map<String, List<String>> query(String action, String nonce, long timestamp, String... extra) {
        List<String> pairs = new ArrayList<>();
        if (action != null) {
            pairs.addAll(List.of("Action", action));
        }
        pairs.addAll(List.of("AppId", Long.toString(APP_ID), "SignatureNonce", nonce,
                "Timestamp", Long.toString(timestamp), "Signature", md5(APP_ID + nonce + SECRET + timestamp),
                "SignatureVersion", "2.0"));
        pairs.addAll(List.of(extra));
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            q.computeIfAbsent(pairs.get(i), k -> new ArrayList<>()).add(pairs.get(i + 1));
        }
        return q;
    }

    static String md5(String text) {
        try {
            return Hex.of(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    String nextNonce() {
        return String.format("%016x", ++nonces);
    }

    /** A correctly signed call of {@code action} with {@code extra} parameters. */
    JsonNode call(String action, String... extra) {
        return send(query(action, nextNonce(), NOW, extra), 200);
    }

    /** Sends {@code query} and checks the HTTP status. */
    JsonNode send(Map<String, List<String>> query, int status) {
        RestResponse response = api.handle(query, NOW);
        assertThat(response.httpStatus()).as(response.json()).isEqualTo(status);
        try {
            JsonNode body = JSON.readTree(response.json());
            assertThat(body.get("RequestId").asText()).isNotEmpty();
            return body;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Sends {@code query} and checks that it is refused with {@code code} and HTTP {@code status}. */
    JsonNode refused(Map<String, List<String>> query, int code, int status) {
        JsonNode body = send(query, status);
        assertThat(body.get("Code").asInt()).as(body.toString()).isEqualTo(code);
        assertThat(body.get("Message").asText()).isNotEmpty().doesNotContain(SECRET);
        assertThat(body.has("Data")).isFalse();
        return body;
    }

    /** A correctly signed call of {@code action} that must be refused with {@code code}. */
    JsonNode refused(String action, int code, int status, String... extra) {
        return refused(query(action, nextNonce(), NOW, extra), code, status);
    }
}
