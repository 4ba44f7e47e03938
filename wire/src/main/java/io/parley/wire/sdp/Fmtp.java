package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.List;

/**
 * {@code a=fmtp} of RFC 8866 §6.15: the format-specific parameters of one payload type, kept in
 * order ({@code 111 minptime=10;useinbandfec=1}, {@code 97 apt=96}).
 */
public record Fmtp(int payloadType, List<Parameter> parameters) {

    public Fmtp {
        parameters = List.copyOf(parameters);
    }

    static Fmtp parse(String value) throws WireFormatException {
        int space = value.indexOf(' ');
        if (space < 0) {
            throw new WireFormatException("fmtp: need \"<pt> <parameters>\"");
        }
        return new Fmtp(Tokens.payloadType(value.substring(0, space), "fmtp"),
                Parameter.parseList(value.substring(space + 1), "fmtp"));
    }

    /** The value of parameter {@code key}, or {@code null}. */
    public String get(String key) {
        return Parameter.find(parameters, key);
    }

    @Override
    public String toString() {
        return payloadType + " " + Parameter.formatList(parameters);
    }
}
