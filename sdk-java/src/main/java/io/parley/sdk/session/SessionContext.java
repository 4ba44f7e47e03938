package io.parley.sdk.session;

import io.parley.sdk.internal.Callbacks;
import io.parley.sdk.signal.SignalSockets;
import java.net.URI;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a {@link RoomSession} needs from its engine: the app's credentials, where the server is,
 * the engine's serial loop (all session state lives on it), the shared timers, the callback
 * thread, and the timings of requests and of reconnecting.
 *
 * @param appSign              64 hex digits, or null for token logins
 * @param reconnectTimeoutMillis how long to try to resume a lost session before giving up (1002053)
 */
public record SessionContext(long appID, String appSign, URI signalingUri, SignalSockets sockets, Executor loop,
                             ScheduledExecutorService timers, Callbacks callbacks, long requestTimeoutMillis,
                             long reconnectTimeoutMillis, long backoffFirstMillis, long backoffMaxMillis) {
}
