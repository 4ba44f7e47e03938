package io.parley.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One mapping or value of a parsed YAML file together with its path ({@code apps[0].limits}), so
 * that every error names the file and the key. A key the reader does not expect is an error: a
 * typo must not be ignored in silence.
 */
final class ConfigNode {
    private final Path file;
    private final String path;
    private final JsonNode node;

    ConfigNode(Path file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Refuses anything but a mapping whose keys are all in {@code allowed}. */
    ConfigNode requireMapping(Set<String> allowed) throws ConfigException {
        if (!node.isObject()) {
            throw error("must be a mapping of keys to values");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ConfigException(file + ": unknown key '" + child(name) + "' (known keys here: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return this;
    }

    /** The value at {@code key}, or {@code null} when the key is absent or its value is null. */
    ConfigNode get(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : new ConfigNode(file, child(key), value);
    }

    /** The value at {@code key}; its absence is an error. */
    ConfigNode require(String key) throws ConfigException {
        ConfigNode value = get(key);
        if (value == null) {
            throw new ConfigException(file + ": missing key '" + child(key) + "'");
        }
        return value;
    }

    /** The elements of a sequence. */
    List<ConfigNode> elements() throws ConfigException {
        if (!node.isArray()) {
            throw error("must be a list");
        }
        List<ConfigNode> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new ConfigNode(file, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    /** A whole number within {@code min..max}. */
    long longValue(long min, long max) throws ConfigException {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw error("must be a whole number, got '" + shown() + "'");
        }
        long value = node.longValue();
        if (value < min || value > max) {
            throw error("must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** A whole number within {@code min..max} that fits an int. */
    int intValue(int min, int max) throws ConfigException {
        return (int) longValue(min, max);
    }

    /** A string; numbers are refused because YAML would have changed them (leading zeros, exponents). */
    String text() throws ConfigException {
        if (!node.isTextual()) {
            throw error("must be a quoted string");
        }
        return node.textValue();
    }

    /** {@code true} or {@code false}. */
    boolean bool() throws ConfigException {
        if (!node.isBoolean()) {
            throw error("must be true or false, got '" + shown() + "'");
        }
        return node.booleanValue();
    }

    /** An error about this node: the file, the key and {@code problem}. */
    ConfigException error(String problem) {
        return new ConfigException(file + ": key '" + path + "' " + problem);
    }

    String path() {
        return path;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String shown() {
        String text = node.isValueNode() ? node.asText() : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
