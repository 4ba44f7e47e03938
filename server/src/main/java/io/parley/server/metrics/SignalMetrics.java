package io.parley.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.server.room.RoomService;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signaling meters Prometheus scrapes at /metrics: rooms, sessions and streams now, messages in
 * and out, refused requests by error code, and sessions dropped for falling behind.
 */
public final class SignalMetrics {
    private final MeterRegistry registry;
    private final Counter messagesIn;
    private final Counter messagesOut;
    private final Counter dropped;
    private final ConcurrentHashMap<Integer, Counter> errors = new ConcurrentHashMap<>();

    public SignalMetrics(MeterRegistry registry, RoomService rooms) {
        this.registry = registry;
        Gauge.builder("parley_rooms", rooms, RoomService::roomCount).description("rooms with at least one user").register(registry);
        Gauge.builder("parley_sessions", rooms, RoomService::sessionCount).description("sessions in rooms, connected or within their reconnect window").register(registry);
        Gauge.builder("parley_sessions_reconnecting", rooms, RoomService::reconnectingCount).description("sessions waiting for their client to resume").register(registry);
        Gauge.builder("parley_streams", rooms, RoomService::streamCount).description("streams being published").register(registry);
        messagesIn = Counter.builder("parley_signal_messages").tag("direction", "in").description("signaling messages").register(registry);
        messagesOut = Counter.builder("parley_signal_messages").tag("direction", "out").description("signaling messages").register(registry);
        dropped = Counter.builder("parley_signal_slow_sessions_dropped").description("connections closed for falling too far behind").register(registry);
    }

    public void messageIn() {
        messagesIn.increment();
    }

    public void messageOut() {
        messagesOut.increment();
    }

    public void slowSessionDropped() {
        dropped.increment();
    }

    /** A request refused with this error code. */
    public void error(int code) {
        errors.computeIfAbsent(code, c -> Counter.builder("parley_signal_errors").tag("code", Integer.toString(c))
                .description("requests refused, by error code").register(registry)).increment();
    }
}
