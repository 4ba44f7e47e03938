package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

/**
 * One {@code <type>=<value>} line of RFC 8866 §5, kept as written so that a description that is
 * parsed and written again comes out byte for byte the same, unknown lines included.
 *
 * @param type  the one-letter type, {@code 'a'} for attributes
 * @param value the text after {@code =}, without the line end
 */
public record SdpLine(char type, String value) {

    public SdpLine {
        if (type < 'a' || type > 'z') {
            throw new IllegalArgumentException("SDP line type must be a lower-case letter: " + type);
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("SDP line value holds CR, LF or NUL");
        }
    }

    /** An attribute line, {@code a=name} or {@code a=name:value}. */
    public static SdpLine attribute(String name, String value) {
        return new SdpLine('a', value == null ? name : name + ":" + value);
    }

    /** Splits {@code <type>=<value>}, rejecting anything else. */
    static SdpLine parse(String text) throws WireFormatException {
        if (text.length() < 2 || text.charAt(1) != '=') {
            throw new WireFormatException("not a <type>=<value> line");
        }
        char type = text.charAt(0);
        if (type < 'a' || type > 'z') {
            throw new WireFormatException("line type '" + type + "' is not a lower-case letter");
        }
        String value = text.substring(2);
        if (value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
            throw new WireFormatException("CR or NUL inside a line");
        }
        return new SdpLine(type, value);
    }

    public boolean isAttribute() {
        return type == 'a';
    }

    /** For an attribute line, the name before the first colon. */
    public String attributeName() {
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** For an attribute line, the text after the first colon, or {@code null} for a flag. */
    public String attributeValue() {
        int colon = value.indexOf(':');
        return colon < 0 ? null : value.substring(colon + 1);
    }

    @Override
    public String toString() {
        return type + "=" + value;
    }
}
