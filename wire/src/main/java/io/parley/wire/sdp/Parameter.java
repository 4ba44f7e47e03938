package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code key[=value]} item of a semicolon-separated parameter list: the format-specific
 * parameters of {@code a=fmtp} (RFC 8866 §6.15) and the restrictions of {@code a=rid}
 * (RFC 8851 §4). Order is kept, because codecs and peers compare these lists as written.
 *
 * @param key   the parameter name
 * @param value its value, or {@code null} for a bare key (e.g. RED's {@code 111/111})
 */
public record Parameter(String key, String value) {

    /** Parses {@code a=1;b;c=x}; a blank after a semicolon is allowed, as some peers write {@code "; "}. */
    static List<Parameter> parseList(String text, String what) throws WireFormatException {
        List<Parameter> out = new ArrayList<>();
        for (String item : text.split(";", -1)) {
            String trimmed = item.startsWith(" ") ? item.substring(1) : item;
            int eq = trimmed.indexOf('=');
            String key = eq < 0 ? trimmed : trimmed.substring(0, eq);
            String value = eq < 0 ? null : trimmed.substring(eq + 1);
            Tokens.word(key, ";=", what + " parameter name");
            if (value != null) {
                Tokens.word(value, ";", what + " parameter " + key);
            }
            out.add(new Parameter(key, value));
        }
        return List.copyOf(out);
    }

    static String formatList(List<Parameter> parameters) {
        StringBuilder sb = new StringBuilder();
        for (Parameter p : parameters) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(p);
        }
        return sb.toString();
    }

    /** The value of the first parameter named {@code key}, or {@code null}. */
    public static String find(List<Parameter> parameters, String key) {
        for (Parameter p : parameters) {
            if (p.key.equals(key)) {
                return p.value;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return value == null ? key : key + "=" + value;
    }
}
