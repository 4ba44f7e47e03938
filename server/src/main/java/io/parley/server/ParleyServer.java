package io.parley.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.parley.server.api.RestApi;
import io.parley.server.app.App;
import io.parley.server.app.InMemoryAppRegistry;
import io.parley.server.config.ParleyConfig;
import io.parley.server.http.HttpServer;
import io.parley.server.http.RoomServiceAdmin;
import io.parley.server.media.MediaService;
import io.parley.server.metrics.MediaMetrics;
import io.parley.server.metrics.SignalMetrics;
import io.parley.server.room.RoomService;
import io.parley.server.room.RoomServiceConfig;
import io.parley.server.room.Scheduler;
import io.parley.server.signal.SignalHub;
import io.parley.server.signal.SignalOptions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running Parley server: apps, the room service on its worker pool, signaling and HTTP. Built
 * by {@code serve} and, with port 0 and a hand-driven scheduler, by the tests and the benchmark.
 */
public final class ParleyServer implements AutoCloseable {
    private final ExecutorService pool;
    private final RoomService rooms;
    private final HttpServer http;
    private final MediaService media;

    private ParleyServer(ExecutorService pool, RoomService rooms, HttpServer http, MediaService media) {
        this.pool = pool;
        this.rooms = rooms;
        this.http = http;
        this.media = media;
    }

    /** Starts serving {@code config} with the given room timings, signaling options and time source. */
    public static ParleyServer start(ParleyConfig config, RoomServiceConfig roomConfig, SignalOptions options,
                                     Scheduler scheduler) throws InterruptedException {
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parley-room-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        RoomService rooms = new RoomService(pool, scheduler, roomConfig);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SignalMetrics metrics = new SignalMetrics(registry, rooms);
        InMemoryAppRegistry apps = new InMemoryAppRegistry(config.apps());
        MediaService media;
        try {
            media = MediaService.start(config.media());
        } catch (RuntimeException e) {
            pool.shutdownNow();
            throw e;
        }
        rooms.onSessionEnded(media::end);
        MediaMetrics.register(registry, media.figures());
        SignalHub hub = new SignalHub(apps, rooms, media, scheduler, metrics, options);
        RestApi api = new RestApi(apps, new RoomServiceAdmin(rooms), RestApi.newNonceCache());
        try {
            // Only a made-up development app lets the debug page mint tokens; a real config never does.
            App developmentApp = config.development() ? config.apps().get(0) : null;
            HttpServer http = HttpServer.start(config.http().host(), config.http().port(), hub, registry, api, scheduler,
                    developmentApp);
            return new ParleyServer(pool, rooms, http, media);
        } catch (InterruptedException | RuntimeException e) {
            media.close();
            pool.shutdownNow();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    public RoomService rooms() {
        return rooms;
    }

    /** The media plane: its UDP port and live streams. */
    public MediaService media() {
        return media;
    }

    @Override
    public void close() {
        http.close();
        media.close();
        pool.shutdownNow();
    }
}
