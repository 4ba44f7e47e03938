package io.parley.bench.load.targets;

import io.parley.bench.load.server.BenchApp;
import io.parley.bench.load.server.ServerProbe;
import io.parley.bench.load.server.ServerProcess;
import io.parley.bench.load.stats.GcLog;
import io.parley.sdk.EngineProfile;
import io.parley.sdk.EventHandler;
import io.parley.sdk.ExpressEngine;
import io.parley.sdk.RoomConfig;
import io.parley.sdk.User;
import io.parley.sdk.media.MediaSink;
import io.parley.sdk.media.MediaSource;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * Parley under load: each user is a Java SDK {@link ExpressEngine} logging in with a Token04 the
 * bench app mints. The server is either a process the generator started (closing the target stops
 * it, and its GC log is read) or a running one named by URL and pid (left running).
 */
public final class ParleyTarget implements LoadTarget {
    /** Tokens outlive any run; a storm of thousands of logins must not renew. */
    private static final long TOKEN_TTL_SECONDS = 6 * 3600;
    private static final EventHandler QUIET = new EventHandler() {
    };

    private final URI base;
    private final BenchApp app;
    private final ServerProbe probe;
    private final ServerProcess process;

    private ParleyTarget(URI base, BenchApp app, ServerProbe probe, ServerProcess process) {
        this.base = base;
        this.app = app;
        this.probe = probe;
        this.process = process;
    }

    /** A server the generator started; closing the target stops it. */
    public static ParleyTarget started(ServerProcess process, BenchApp app) {
        GcLog gc = process.gcLog() == null ? null : new GcLog(process.gcLog());
        return new ParleyTarget(process.base(), app, new ServerProbe(process.pid(), metrics(process.base()), true, gc), process);
    }

    /** A server that runs already, as process {@code pid} on this host; it is left running. */
    public static ParleyTarget running(URI base, long pid, BenchApp app) {
        return new ParleyTarget(base, app, new ServerProbe(pid, metrics(base), true, null), null);
    }

    private static URI metrics(URI base) {
        return base.resolve("/metrics");
    }

    @Override
    public String name() {
        return "parley";
    }

    @Override
    public ServerProbe probe() {
        return probe;
    }

    @Override
    public LoadClient client(String userId) {
        return new EngineClient(userId);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    /**
     * One engine; user updates are off, as a large room's clients would have them. Its token is
     * minted with it, before the login is timed: an app has its token from its own server before it
     * calls loginRoom.
     */
    private final class EngineClient implements LoadClient {
        private final String userId;
        private final String token;
        private final ExpressEngine engine;

        EngineClient(String userId) {
            this.userId = userId;
            this.token = app.token(userId, TOKEN_TTL_SECONDS);
            this.engine = ExpressEngine.createEngine(new EngineProfile(app.appId(), base), QUIET);
        }

        @Override
        public CompletableFuture<?> login(String roomId) {
            return engine.loginRoom(roomId, new User(userId), new RoomConfig(0, false, token));
        }

        @Override
        public CompletableFuture<?> publish(String streamId, MediaSource source) {
            return engine.startPublishingStream(streamId, source);
        }

        @Override
        public CompletableFuture<?> play(String streamId, MediaSink sink) {
            return engine.startPlayingStream(streamId, sink);
        }

        @Override
        public CompletableFuture<Void> close() {
            return engine.destroyEngine();
        }
    }
}
