package io.parley.sdk;

import java.net.URI;
import java.util.Objects;

/**
 * What an engine is created with (ZEGO's ZegoEngineProfile): the app, its AppSign when logins
 * prove themselves with it instead of a token, and the Parley server to use.
 *
 * @param appID   the app's id
 * @param appSign the app's 64-hex-digit AppSign, or null when every login carries a token; it never
 *                leaves this process (logins send an HMAC proof, docs/auth.md)
 * @param server  the server's base URL, {@code http://host:port}; the engine speaks WebSocket to {@code /ws}
 */
public record EngineProfile(long appID, String appSign, URI server) {
    public EngineProfile {
        Objects.requireNonNull(server, "server");
        if (appID <= 0 || appID > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("appID must be from 1 to 4294967295");
        }
    }

    /** A profile for token logins. */
    public EngineProfile(long appID, URI server) {
        this(appID, null, server);
    }
}
