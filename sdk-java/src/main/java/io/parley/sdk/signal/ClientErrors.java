package io.parley.sdk.signal;

/**
 * ZEGO's codes that only a client gives (API.md "Error codes"), which the protocol's
 * {@link io.parley.protocol.ErrorCode} does not list because the server never sends them.
 */
public final class ClientErrors {
    /** Login failed: the network (no connection to the server). */
    public static final int LOGIN_NETWORK = 1002030;
    /** Login failed: no answer in time. */
    public static final int LOGIN_TIMEOUT = 1002031;
    /** The engine was destroyed or logged out while the call was under way. */
    public static final int NOT_LOGGED_IN = 1000002;
    /** Publishing failed: the media transport did not connect. Parley's own, as the Web SDK's 1100031. */
    public static final int MEDIA_FAILED = 1100031;

    private ClientErrors() {
    }
}
