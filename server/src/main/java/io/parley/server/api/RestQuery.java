package io.parley.server.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query parameters of one REST request, read with ZEGO's conventions: a list parameter is
 * written {@code RoomId[]=a&RoomId[]=b} (the bare name {@code RoomId=a} is accepted too), any other
 * parameter appears once. Identifiers are checked against API.md's limits.
 */
final class RestQuery {
    /** The characters API.md allows in a roomID or userID besides letters and digits. */
    private static final String ID_SYMBOLS = "~!@#$%^&*()_+=-`;',.<>/";
    private final Map<String, List<String>> params;

    RestQuery(Map<String, List<String>> params) {
        this.params = params;
    }

    /** The one value of {@code name}, or {@code null} when it is absent. */
    String optional(String name) throws RestError {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw RestError.badParameter(name + " is given " + values.size() + " times; once is allowed");
        }
        return values.get(0);
    }

    /** The one value of {@code name}; absent or empty is error {@code codeIfMissing}. */
    String required(String name, int codeIfMissing) throws RestError {
        String value = optional(name);
        if (value == null || value.isEmpty()) {
            throw new RestError(codeIfMissing, 400, name + " is missing");
        }
        return value;
    }

    /** The values of list parameter {@code name}, between {@code min} and {@code max} of them. */
    List<String> list(String name, int min, int max) throws RestError {
        List<String> values = new ArrayList<>();
        values.addAll(params.getOrDefault(name + "[]", List.of()));
        values.addAll(params.getOrDefault(name, List.of()));
        if (values.size() < min || values.size() > max) {
            throw RestError.badParameter(name + "[] must be given " + min + " to " + max
                    + " times, got " + values.size());
        }
        return values;
    }

    /** A required roomID: under 128 bytes, API.md's characters. */
    String roomId() throws RestError {
        return id("RoomId", required("RoomId", RestError.BAD_PARAMETER), 128);
    }

    /** Room IDs from {@code RoomId[]}. */
    List<String> roomIds(int max) throws RestError {
        List<String> ids = list("RoomId", 1, max);
        for (String id : ids) {
            id("RoomId", id, 128);
        }
        return ids;
    }

    /** User IDs from {@code UserId[]}. */
    List<String> userIds(int max) throws RestError {
        List<String> ids = list("UserId", 1, max);
        for (String id : ids) {
            id("UserId", id, 64);
        }
        return ids;
    }

    /** A required userID: under 64 bytes, API.md's characters. */
    String userId() throws RestError {
        return id("UserId", required("UserId", RestError.BAD_PARAMETER), 64);
    }

    /** An optional text of at most {@code maxBytes} UTF-8 bytes; absent is {@code ""}. */
    String text(String name, int maxBytes) throws RestError {
        String value = optional(name);
        if (value == null) {
            return "";
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new RestError(RestError.TOO_LONG, 400, name + " is longer than " + maxBytes + " bytes");
        }
        return value;
    }

    /** An optional whole number within {@code min..max}; absent is {@code fallback}. */
    int integer(String name, int min, int max, int fallback) throws RestError {
        String value = optional(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw RestError.badParameter(name + " must be a whole number from " + min + " to " + max);
        }
        long n = Long.parseLong(value);
        if (n < min || n > max) {
            throw RestError.badParameter(name + " must be from " + min + " to " + max + ", got " + n);
        }
        return (int) n;
    }

    /** An optional {@code true} or {@code false}; absent is false. */
    boolean bool(String name) throws RestError {
        String value = optional(name);
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw RestError.badParameter(name + " must be true or false");
    }

    private static String id(String name, String value, int limitBytes) throws RestError {
        if (value.isEmpty()) {
            throw RestError.badParameter(name + " must not be empty");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length >= limitBytes) {
            throw new RestError(RestError.TOO_LONG, 400, name + " must be shorter than " + limitBytes + " bytes");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ID_SYMBOLS.indexOf(c) >= 0;
            if (!ok) {
                throw RestError.badParameter(name + " holds a character API.md does not allow: letters, digits and "
                        + ID_SYMBOLS);
            }
        }
        return value;
    }
}
