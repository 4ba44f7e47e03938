package io.parley.sdk;

/**
 * Timings of an engine beyond ZEGO's profile, for tests and load generators; {@link #DEFAULT} is
 * what {@link ExpressEngine#createEngine(EngineProfile, EventHandler)} uses.
 *
 * @param requestTimeoutMillis   how long a request waits for its response (1002031 at login, 1002051 after)
 * @param reconnectTimeoutMillis how long a lost session keeps trying to resume before RECONNECT_FAILED (1002053)
 * @param backoffFirstMillis     the first wait between resume attempts; it doubles up to {@code backoffMaxMillis}
 * @param connectTimeoutMillis   how long a media transport may take to connect (ICE and DTLS)
 */
public record EngineOptions(long requestTimeoutMillis, long reconnectTimeoutMillis, long backoffFirstMillis,
                            long backoffMaxMillis, long connectTimeoutMillis) {
    /** The Web SDK's timings: 10 s per request, two minutes of resuming, 0.5 s to 8 s between attempts. */
    public static final EngineOptions DEFAULT = new EngineOptions(10_000, 120_000, 500, 8_000, 15_000);

    public EngineOptions {
        if (requestTimeoutMillis <= 0 || reconnectTimeoutMillis < 0 || backoffFirstMillis <= 0
                || backoffMaxMillis < backoffFirstMillis || connectTimeoutMillis <= 0) {
            throw new IllegalArgumentException("engine timings must be positive: " + this);
        }
    }

    /** The same with another reconnect window. */
    public EngineOptions withReconnectTimeoutMillis(long millis) {
        return new EngineOptions(requestTimeoutMillis, millis, backoffFirstMillis, backoffMaxMillis, connectTimeoutMillis);
    }
}
