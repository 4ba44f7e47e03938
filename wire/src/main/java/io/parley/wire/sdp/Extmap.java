package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.List;

/**
 * {@code a=extmap} of RFC 8285 §8: maps a local RTP header extension ID to the extension's URI,
 * with an optional direction and extension attributes. IDs 1..14 fit the one-byte form, up to
 * 255 the two-byte form (RFC 8285 §4.2, §4.3).
 *
 * @param direction  {@code sendonly}, {@code recvonly}, ... after a slash, or {@code null}
 * @param attributes the text after the URI, or {@code null}
 */
public record Extmap(int id, Direction direction, String uri, String attributes) {

    static Extmap parse(String value) throws WireFormatException {
        List<String> f = Tokens.fields(value, 2, "extmap");
        String idText = f.get(0);
        Direction direction = null;
        int slash = idText.indexOf('/');
        if (slash >= 0) {
            direction = Direction.parse(idText.substring(slash + 1));
            idText = idText.substring(0, slash);
        }
        int id = Tokens.integer(idText, 1, 255, "extmap id");
        String attrs = f.size() > 2 ? String.join(" ", f.subList(2, f.size())) : null;
        return new Extmap(id, direction, f.get(1), attrs);
    }

    @Override
    public String toString() {
        return id + (direction == null ? "" : "/" + direction) + " " + uri + (attributes == null ? "" : " " + attributes);
    }
}
