package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.List;

/**
 * The lexical pieces that RFC 8866 §9 grammar repeats in every line: space-separated fields,
 * unsigned decimal numbers and tokens. Every failure is a {@link WireFormatException}, so that no
 * {@code NumberFormatException} or index error escapes a parser.
 */
final class Tokens {
    private Tokens() {
    }

    /** Splits on single spaces, requiring at least {@code min} non-empty fields. */
    static List<String> fields(String value, int min, String what) throws WireFormatException {
        List<String> out = List.of(value.split(" ", -1));
        for (String field : out) {
            if (field.isEmpty()) {
                throw new WireFormatException(what + ": empty field (double or edge space)");
            }
        }
        if (out.size() < min) {
            throw new WireFormatException(what + ": need " + min + " fields, have " + out.size());
        }
        return out;
    }

    /** An unsigned decimal in {@code [min, max]}; digits only, no sign, no spaces. */
    static long number(String text, long min, long max, String what) throws WireFormatException {
        if (text.isEmpty() || text.length() > 19) {
            throw new WireFormatException(what + ": not a number: \"" + text + "\"");
        }
        long v = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new WireFormatException(what + ": not a number: \"" + text + "\"");
            }
            v = v * 10 + (c - '0');
        }
        if (v < min || v > max) {
            throw new WireFormatException(what + ": " + v + " outside " + min + ".." + max);
        }
        return v;
    }

    static int integer(String text, int min, int max, String what) throws WireFormatException {
        return (int) number(text, min, max, what);
    }

    /** An RTP payload type, 0..127 (RFC 3550 §5.1: 7 bits). */
    static int payloadType(String text, String what) throws WireFormatException {
        return integer(text, 0, 127, what + " payload type");
    }

    /** RFC 8866 §9 {@code token}: visible ASCII except the separators it lists. */
    static String token(String text, String what) throws WireFormatException {
        if (text.isEmpty()) {
            throw new WireFormatException(what + ": empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7F || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                throw new WireFormatException(what + ": bad character in \"" + text + "\"");
            }
        }
        return text;
    }

    /** Non-empty visible text without spaces, for fields such as addresses and identifiers. */
    static String word(String text, String what) throws WireFormatException {
        if (text.isEmpty()) {
            throw new WireFormatException(what + ": empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c == 0x7F) {
                throw new WireFormatException(what + ": bad character in \"" + text + "\"");
            }
        }
        return text;
    }

    /** Like {@link #word} but also excluding the given separators, so that a list written back splits the same way. */
    static String word(String text, String separators, String what) throws WireFormatException {
        word(text, what);
        for (int i = 0; i < separators.length(); i++) {
            if (text.indexOf(separators.charAt(i)) >= 0) {
                throw new WireFormatException(what + ": '" + separators.charAt(i) + "' not allowed in \"" + text + "\"");
            }
        }
        return text;
    }
}
