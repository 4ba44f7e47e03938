package io.parley.server.signal;

import io.parley.server.ParleyServer;
import io.parley.server.app.App;
import io.parley.server.app.AppLimits;
import io.parley.server.auth.Token04;
import io.parley.server.auth.TokenPayload;
import io.parley.server.config.HttpConfig;
import io.parley.server.config.MediaConfig;
import io.parley.server.config.ParleyConfig;
import io.parley.server.room.RoomServiceConfig;
import java.util.ArrayList;
import java.util.List;

/** A real server on 127.0.0.1 and an ephemeral port, with two apps and a hand-driven clock. */
final class TestServer implements AutoCloseable {
    static final App APP = new App(1001, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef", true, AppLimits.DEFAULT);
    static final App OTHER_APP = new App(2002, "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210",
            "fedcba9876543210fedcba9876543210", true, AppLimits.DEFAULT);

    final ManualScheduler clock = new ManualScheduler(1_795_000_000_000L);
    final ParleyServer server;
    private final List<ScriptedClient> clients = new ArrayList<>();

    TestServer() throws InterruptedException {
        this(List.of(APP, OTHER_APP), RoomServiceConfig.DEFAULT, SignalOptions.DEFAULT);
    }

    TestServer(List<App> apps, RoomServiceConfig rooms, SignalOptions options) throws InterruptedException {
        ParleyConfig config = new ParleyConfig(new HttpConfig("127.0.0.1", 0), new MediaConfig("127.0.0.1", 0), apps, false);
        server = ParleyServer.start(config, rooms, options, clock);
    }

    ScriptedClient client() {
        ScriptedClient c = new ScriptedClient(server.port());
        clients.add(c);
        return c;
    }

    /** A token for any room and stream, valid for an hour from the test clock's now. */
    String token(App app, String userId) {
        return token(app, userId, TokenPayload.UNRESTRICTED, 3600);
    }

    String token(App app, String userId, TokenPayload payload, long ttlSeconds) {
        return Token04.mint(app, userId, payload, ttlSeconds, Token04.Mode.GCM, clock.nowMillis() / 1000);
    }

    /** A new client logged in to {@code roomId} of {@link #APP}. */
    ScriptedClient joined(String roomId, String userId, boolean userUpdates) {
        ScriptedClient c = client();
        var r = c.login(APP.appId(), roomId, userId, token(APP, userId), userUpdates);
        if (r.path("code").asInt() != 0) {
            throw new AssertionError("login failed: " + r);
        }
        return c;
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        for (ScriptedClient c : clients) {
            c.close();
        }
        server.close();
    }
}
