package io.parley.sdk.rtc;

import io.parley.sdk.internal.Callbacks;
import io.parley.transport.MediaClient;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * What an engine's publishing and playing share: the JVM's media client (created on first use),
 * the shared scheduler (timers and the sources' pacer), the engine's serial loop, its callback
 * thread, and how long a transport may take to connect.
 */
public record MediaContext(Supplier<MediaClient> client, ScheduledExecutorService timers, Executor loop,
                           Callbacks callbacks, long connectTimeoutMillis) {
}
