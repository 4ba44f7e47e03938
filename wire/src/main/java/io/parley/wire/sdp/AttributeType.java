package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

/**
 * How one {@code a=} attribute of RFC 8866 §6 reads and writes its value: the name before the
 * colon, a parser for the text after it and the inverse formatter. The constants of
 * {@link Attributes} are the ones Parley knows.
 *
 * @param <T> the typed value
 */
public final class AttributeType<T> {
    /** A parser that may reject its input with the module's checked exception. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(String value) throws WireFormatException;
    }

    /** Writes a typed value back as attribute text. */
    @FunctionalInterface
    public interface Formatter<T> {
        String format(T value);
    }

    private final String name;
    private final Parser<T> parser;
    private final Formatter<T> formatter;

    AttributeType(String name, Parser<T> parser, Formatter<T> formatter) {
        this.name = name;
        this.parser = parser;
        this.formatter = formatter;
    }

    /** The attribute name, e.g. {@code rtpmap}. */
    public String name() {
        return name;
    }

    /** Parses the value, naming the attribute in any failure. */
    public T parse(String value) throws WireFormatException {
        if (value == null) {
            throw new WireFormatException("a=" + name + ": value missing");
        }
        return parser.parse(value);
    }

    public String format(T value) {
        return formatter.format(value);
    }

    @Override
    public String toString() {
        return "a=" + name;
    }
}
