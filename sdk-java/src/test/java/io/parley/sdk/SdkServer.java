package io.parley.sdk;

import io.parley.server.ParleyServer;
import io.parley.server.app.App;
import io.parley.server.app.AppLimits;
import io.parley.server.auth.Token04;
import io.parley.server.auth.TokenPayload;
import io.parley.server.config.HttpConfig;
import io.parley.server.config.MediaConfig;
import io.parley.server.config.ParleyConfig;
import io.parley.server.room.RoomServiceConfig;
import io.parley.server.signal.SignalOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Parley server in-process on 127.0.0.1 (HTTP and media on ephemeral ports) with a
 * hand-driven clock, and the engines a test made against it, destroyed with it.
 */
final class SdkServer implements AutoCloseable {
    static final App APP = new App(1001, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef", true, AppLimits.DEFAULT);
    /** Two users a room, two rooms a user, three broadcasts a second, no AppSign logins. */
    static final App SMALL = new App(3003, "11".repeat(32), "abcdefghijklmnopqrstuvwxyz012345", false,
            new AppLimits(2, 2, 3, 50));
    /** Test timings: resume quickly, give up after 3 s. */
    static final EngineOptions FAST = new EngineOptions(5_000, 3_000, 100, 500, 10_000);
    /**
     * FAST, for tests that expect a resume to succeed: a loaded machine may take more than FAST's
     * 3 s to reconnect and resume, and the window is not what those tests check.
     */
    static final EngineOptions RESUMING = FAST.withReconnectTimeoutMillis(30_000);

    final ManualClock clock = new ManualClock(1_795_000_000_000L);
    final ParleyServer server;
    private final List<ExpressEngine> engines = new ArrayList<>();

    SdkServer() throws InterruptedException {
        this(RoomServiceConfig.DEFAULT);
    }

    SdkServer(RoomServiceConfig rooms) throws InterruptedException {
        ParleyConfig config = new ParleyConfig(new HttpConfig("127.0.0.1", 0), new MediaConfig("127.0.0.1", 0),
                List.of(APP, SMALL), false);
        // The clock is moved by hand past token expiries: keep the idle timeout out of the way.
        SignalOptions signal = new SignalOptions(10, 3600, 4096, io.parley.protocol.Limits.FRAME_BYTES);
        server = ParleyServer.start(config, rooms, signal, clock);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    String token(App app, String userID) {
        return token(app, userID, TokenPayload.UNRESTRICTED, 3600);
    }

    String token(App app, String userID, TokenPayload payload, long ttlSeconds) {
        return Token04.mint(app, userID, payload, ttlSeconds, Token04.Mode.GCM, clock.nowMillis() / 1000);
    }

    /** An engine of {@code app} for token logins. */
    ExpressEngine engine(App app, EventHandler events) {
        return engine(app, events, FAST);
    }

    /** An engine of {@code app} for token logins, with these timings. */
    ExpressEngine engine(App app, EventHandler events, EngineOptions options) {
        return track(ExpressEngine.createEngine(new EngineProfile(app.appId(), uri()), events, options));
    }

    /** An engine of {@link #APP} whose signaling goes through {@code proxy}, with these timings. */
    ExpressEngine engineVia(TcpProxy proxy, EventHandler events, EngineOptions options) {
        return track(ExpressEngine.createEngine(new EngineProfile(APP.appId(), proxy.uri()), events, options));
    }

    /** An engine of {@code app} that logs in with the AppSign proof. */
    ExpressEngine appSignEngine(App app, EventHandler events) {
        return track(ExpressEngine.createEngine(new EngineProfile(app.appId(), app.appSign(), uri()), events, FAST));
    }

    /** An engine of {@link #APP} logged in to {@code roomID} as {@code userID} with user updates on. */
    ExpressEngine joined(String roomID, String userID, Events events) {
        ExpressEngine e = engine(APP, events);
        join(e, roomID, userID);
        return e;
    }

    void join(ExpressEngine e, String roomID, String userID) {
        e.loginRoom(roomID, new User(userID), RoomConfig.withToken(token(APP, userID))).orTimeout(10, TimeUnit.SECONDS).join();
    }

    ExpressEngine track(ExpressEngine e) {
        synchronized (engines) {
            engines.add(e);
        }
        return e;
    }

    @Override
    public void close() {
        List<ExpressEngine> all;
        synchronized (engines) {
            all = List.copyOf(engines);
        }
        for (ExpressEngine e : all) {
            try {
                e.destroyEngine().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the server goes next anyway
            }
        }
        server.close();
    }
}
