package io.parley.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The JSON form of the signaling protocol (docs/protocol.md), version {@value #VERSION}. Decoding
 * checks the envelope, every field's type and size and API.md's character rules, and turns any bad
 * input into a {@link ProtocolException} with a code; it never throws an unchecked exception.
 * Thread-safe.
 */
public final class MessageCodec {
    /** The protocol version this codec speaks. */
    public static final int VERSION = 1;
    /** Request ids are JSON-safe integers (JavaScript's Number.MAX_SAFE_INTEGER). */
    public static final long MAX_ID = 9007199254740991L;

    private final ObjectMapper mapper;

    public MessageCodec() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(8).maxStringLength(Limits.FRAME_BYTES).maxNumberLength(32).build())
                .build();
        mapper = JsonMapper.builder(factory)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }

    /** Decodes one request frame. */
    public Request decodeRequest(byte[] frame) throws ProtocolException {
        if (frame.length > Limits.FRAME_BYTES) {
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, "frame longer than " + Limits.FRAME_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = mapper.readTree(frame);
        } catch (java.io.IOException | RuntimeException e) {
            // Jackson reports bad input as IOException; anything else it throws is still bad input to us.
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, "not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, "a message must be a JSON object");
        }
        JsonNode idNode = root.get("id");
        if (idNode == null || !idNode.isIntegralNumber() || !idNode.canConvertToLong()
                || idNode.longValue() < 0 || idNode.longValue() > MAX_ID) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "field 'id' must be an integer from 0 to " + MAX_ID);
        }
        long id = idNode.longValue();
        JsonNode v = root.get("v");
        if (v == null || !v.isIntegralNumber() || v.longValue() != VERSION) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, "field 'v' must be " + VERSION, id);
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "field 'type' must be a string", id);
        }
        return RequestDecoder.decode(type.textValue(), new FieldReader(root, id, ""), id);
    }

    /** Decodes one request frame given as text. */
    public Request decodeRequest(String frame) throws ProtocolException {
        return decodeRequest(frame.getBytes(StandardCharsets.UTF_8));
    }

    /** Encodes a request, as a client sends it. */
    public String encode(Request request) {
        ObjectNode out = envelope(request.type());
        out.put("id", request.id());
        ObjectNode fields = mapper.valueToTree(request);
        fields.remove("id");
        out.setAll(fields);
        return out.toString();
    }

    /** Encodes a response or an event, as the server sends it. */
    public String encode(ServerMessage message) {
        if (message instanceof Response r) {
            ObjectNode out = envelope("response");
            out.put("id", r.id());
            out.put("code", r.code());
            out.put("message", r.message());
            if (r.body() != null) {
                out.setAll((ObjectNode) mapper.valueToTree(r.body()));
            }
            return out.toString();
        }
        Event e = (Event) message;
        ObjectNode out = envelope("event");
        out.put("event", e.event());
        out.setAll((ObjectNode) mapper.valueToTree(e));
        return out.toString();
    }

    /** Parses a server message into a tree, for clients that read fields by name (tests, tools). */
    public JsonNode parseTree(String text) throws ProtocolException {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, "a message must be a JSON object");
            }
            return node;
        } catch (java.io.IOException | RuntimeException e) {
            throw new ProtocolException(ErrorCode.MALFORMED_MESSAGE, "not JSON: " + firstLine(e.getMessage()));
        }
    }

    private ObjectNode envelope(String type) {
        ObjectNode out = mapper.createObjectNode();
        out.put("v", VERSION);
        out.put("type", type);
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
