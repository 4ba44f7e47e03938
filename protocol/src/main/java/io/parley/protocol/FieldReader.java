package io.parley.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the typed fields of one JSON object, turning a missing field, a wrong type or an oversized
 * value into a {@link ProtocolException} that names the field and carries the request id.
 */
final class FieldReader {
    private final JsonNode node;
    private final long requestId;
    private final String path;

    FieldReader(JsonNode node, long requestId, String path) {
        this.node = node;
        this.requestId = requestId;
        this.path = path;
    }

    /** A required string of at most {@code maxBytes} UTF-8 bytes. */
    String text(String name, int maxBytes) throws ProtocolException {
        String value = optionalText(name, maxBytes);
        if (value == null) {
            throw invalid(name, "is missing");
        }
        return value;
    }

    /** An optional string of at most {@code maxBytes} UTF-8 bytes, or {@code null} when absent or null. */
    String optionalText(String name, int maxBytes) throws ProtocolException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw invalid(name, "must be a string");
        }
        String s = v.textValue();
        if (!wellFormed(s)) {
            throw invalid(name, "holds a lone UTF-16 surrogate");
        }
        // A char is at most 3 UTF-8 bytes, so short strings skip the byte count.
        if (s.length() * 3 > maxBytes && Limits.utf8Length(s) > maxBytes) {
            throw invalid(name, "is longer than " + maxBytes + " bytes");
        }
        return s;
    }

    /** A required integer within [min, max]. */
    long number(String name, long min, long max) throws ProtocolException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw invalid(name, "is missing");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw invalid(name, "must be an integer from " + min + " to " + max);
        }
        return v.longValue();
    }

    /** An optional integer within [min, max], or {@code fallback} when absent. */
    long optionalNumber(String name, long min, long max, long fallback) throws ProtocolException {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? fallback : number(name, min, max);
    }

    /** An optional boolean, or {@code fallback} when absent. */
    boolean optionalBool(String name, boolean fallback) throws ProtocolException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw invalid(name, "must be true or false");
        }
        return v.booleanValue();
    }

    /** A required nested object. */
    FieldReader object(String name) throws ProtocolException {
        FieldReader r = optionalObject(name);
        if (r == null) {
            throw invalid(name, "is missing");
        }
        return r;
    }

    /** An optional nested object, or {@code null} when absent. */
    FieldReader optionalObject(String name) throws ProtocolException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw invalid(name, "must be an object");
        }
        return new FieldReader(v, requestId, path + name + ".");
    }

    /** An optional array of at most {@code maxItems} strings of at most {@code maxBytes} each; empty when absent. */
    List<String> texts(String name, int maxItems, int maxBytes) throws ProtocolException {
        List<String> out = optionalTexts(name, maxItems, maxBytes);
        return out == null ? new ArrayList<>() : out;
    }

    /** Like {@link #texts}, but {@code null} when absent, for lists whose absence means something. */
    List<String> optionalTexts(String name, int maxItems, int maxBytes) throws ProtocolException {
        JsonNode v = node.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray() || v.size() > maxItems) {
            throw invalid(name, "must be an array of at most " + maxItems + " strings");
        }
        for (JsonNode item : v) {
            if (!item.isTextual() || !wellFormed(item.textValue()) || Limits.utf8Length(item.textValue()) > maxBytes) {
                throw invalid(name, "must hold strings of at most " + maxBytes + " bytes");
            }
            out.add(item.textValue());
        }
        return out;
    }

    /** Runs a domain check with this request's id attached to its error. */
    void check(Check check) throws ProtocolException {
        try {
            check.run();
        } catch (ProtocolException e) {
            throw e.withRequestId(requestId);
        }
    }

    /** A check from {@link Limits}. */
    interface Check {
        void run() throws ProtocolException;
    }

    /** A lone surrogate cannot be encoded as UTF-8, so it could never be echoed to anyone. */
    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private ProtocolException invalid(String name, String what) {
        return new ProtocolException(ErrorCode.INVALID_FIELD, "field '" + path + name + "' " + what, requestId);
    }
}
