package io.parley.server.config;

/**
 * Where the HTTP server listens: WebSocket {@code /ws}, the REST API, the debug page and the SDK.
 *
 * @param host the address to bind
 * @param port 1 to 65535, or 0 for a free port the system picks (tests)
 */
public record HttpConfig(String host, int port) {

    /** Loopback only, so a first start exposes nothing. */
    public static final HttpConfig DEFAULT = new HttpConfig("127.0.0.1", 8080);

    /** Refuses a blank host or a port outside 0..65535. */
    public HttpConfig {
        Ports.check("http", host, port);
    }
}
