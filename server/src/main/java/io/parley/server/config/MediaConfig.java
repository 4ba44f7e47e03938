package io.parley.server.config;

/**
 * Where the media plane listens: the one UDP port every session's ICE, DTLS and SRTP share.
 *
 * @param host the address to bind and to announce in ICE candidates
 * @param port 1 to 65535, or 0 for a free port the system picks (tests)
 */
public record MediaConfig(String host, int port) {

    /** Loopback and UDP 50000. */
    public static final MediaConfig DEFAULT = new MediaConfig("127.0.0.1", 50000);

    /** Refuses a blank host or a port outside 0..65535. */
    public MediaConfig {
        Ports.check("media", host, port);
    }
}
