package io.parley.server.config;

import java.io.Serial;

/** A configuration file the server cannot start with; the message names the file, the key and the problem. */
public final class ConfigException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** A problem described in full by {@code message}. */
    public ConfigException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, caused by {@code cause}. */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
