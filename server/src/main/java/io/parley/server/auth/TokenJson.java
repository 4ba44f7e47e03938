package io.parley.server.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON inside a Token04: the claims object and the payload, itself JSON carried as a string.
 * Fields are read by name, never by position, since ZEGO's generators order them differently.
 */
final class TokenJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private TokenJson() {
    }

    /** The claims in {@code plain}; {@code headerExpire} is the layout's copy of {@code expire}, which must agree. */
    static TokenClaims parseClaims(byte[] plain, long headerExpire) throws AuthException {
        JsonNode root = read(plain, "the token's content");
        long appId = integer(root, "app_id", true);
        if (appId < 0 || appId > 0xFFFF_FFFFL) {
            throw format("the token's app_id is not a uint32");
        }
        JsonNode user = root.get("user_id");
        if (user == null || !user.isTextual()) {
            throw format("the token has no user_id string");
        }
        long nonce = integer(root, "nonce", false);
        long ctime = integer(root, "ctime", false);
        long expire = integer(root, "expire", true);
        if (expire != headerExpire) {
            throw format("the token's expire differs from its header's");
        }
        String payload = optionalText(root, "payload", "the token's payload");
        return new TokenClaims(appId, user.textValue(), nonce, ctime, expire, parsePayload(payload));
    }

    /**
     * The grants of a payload. An empty payload grants everything (ZEGO's basic token). In a
     * non-empty one a privilege that is absent is not granted: a payload is written to restrict.
     */
    static TokenPayload parsePayload(String text) throws AuthException {
        if (text.isEmpty()) {
            return TokenPayload.UNRESTRICTED;
        }
        JsonNode root = read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "the token's payload");
        String roomId = optionalText(root, "room_id", "the payload's room_id");
        JsonNode privilege = root.get("privilege");
        if (privilege != null && !privilege.isNull() && !privilege.isObject()) {
            throw format("the payload's privilege is not an object");
        }
        boolean login = granted(privilege, "1");
        boolean publish = granted(privilege, "2");
        return new TokenPayload(roomId, login, publish, streams(root.get("stream_id_list")));
    }

    /** The claims as the JSON ZEGO's generators write; {@code emptyPayload} writes {@code ""}. */
    static byte[] writeClaims(TokenClaims claims, boolean emptyPayload) {
        ObjectNode root = JSON.createObjectNode();
        root.put("app_id", claims.appId());
        root.put("user_id", claims.userId());
        root.put("nonce", claims.nonce());
        root.put("ctime", claims.createdAt());
        root.put("expire", claims.expireAt());
        root.put("payload", emptyPayload ? "" : writePayload(claims.payload()));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    private static String writePayload(TokenPayload payload) {
        ObjectNode root = JSON.createObjectNode();
        root.put("room_id", payload.roomId());
        ObjectNode privilege = root.putObject("privilege");
        privilege.put("1", payload.login() ? 1 : 0);
        privilege.put("2", payload.publish() ? 1 : 0);
        if (payload.streamIds().isEmpty()) {
            root.putNull("stream_id_list");
        } else {
            ArrayNode list = root.putArray("stream_id_list");
            payload.streamIds().forEach(list::add);
        }
        return root.toString();
    }

    private static JsonNode read(byte[] json, String what) throws AuthException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw format(what + " is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw format(what + " is not a JSON object");
        }
        return root;
    }

    /** The string at {@code key}; absent or null is {@code ""}, anything else a format error. */
    private static String optionalText(JsonNode root, String key, String what) throws AuthException {
        JsonNode value = root.get(key);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw format(what + " is not a string");
        }
        return value.textValue();
    }

    private static long integer(JsonNode root, String key, boolean required) throws AuthException {
        JsonNode value = root.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw format("the token has no " + key);
            }
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw format("the token's " + key + " is not an integer");
        }
        return value.longValue();
    }

    private static boolean granted(JsonNode privilege, String key) throws AuthException {
        JsonNode value = privilege == null ? null : privilege.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isIntegralNumber()) {
            throw format("the payload's privilege \"" + key + "\" is not 0 or 1");
        }
        return value.canConvertToInt() && value.intValue() == 1;
    }

    private static List<String> streams(JsonNode list) throws AuthException {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw format("the payload's stream_id_list is not a list");
        }
        List<String> out = new ArrayList<>(list.size());
        for (JsonNode id : list) {
            if (!id.isTextual()) {
                throw format("the payload's stream_id_list holds a non-string");
            }
            out.add(id.textValue());
        }
        return out;
    }

    private static AuthException format(String message) {
        return new AuthException(AuthException.TOKEN_FORMAT, message);
    }
}
