package io.parley.server.config;

/** The one rule HTTP and media listeners share: a host that is not blank and a port a socket can bind. */
final class Ports {
    private Ports() {
    }

    static void check(String section, String host, int port) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(section + ".host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(section + ".port must be between 0 and 65535, got " + port);
        }
    }
}
