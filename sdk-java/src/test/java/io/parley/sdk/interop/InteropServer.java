package io.parley.sdk.interop;

import io.parley.sdk.EngineProfile;
import io.parley.server.ParleyServer;
import io.parley.server.app.App;
import io.parley.server.app.AppLimits;
import io.parley.server.config.HttpConfig;
import io.parley.server.config.MediaConfig;
import io.parley.server.config.ParleyConfig;
import io.parley.server.media.MediaFigures;
import io.parley.server.room.RoomServiceConfig;
import io.parley.server.room.SystemScheduler;
import io.parley.server.signal.SignalOptions;
import java.net.URI;
import java.util.List;

/**
 * The real Parley server in this JVM, on 127.0.0.1 with free HTTP and UDP ports and the wall clock,
 * with one app that allows AppSign login; it serves the Web SDK at {@code /sdk/} from the classpath,
 * so Chromium pages can load it.
 */
final class InteropServer implements AutoCloseable {
    static final App APP = new App(3003, "3c".repeat(32), "interop-secret-0123456789abcdefg", true, AppLimits.DEFAULT);

    private final SystemScheduler clock = new SystemScheduler();
    private final ParleyServer server;

    InteropServer() throws InterruptedException {
        ParleyConfig config = new ParleyConfig(new HttpConfig("127.0.0.1", 0), new MediaConfig("127.0.0.1", 0), List.of(APP), false);
        server = ParleyServer.start(config, RoomServiceConfig.DEFAULT, SignalOptions.DEFAULT, clock);
    }

    /** {@code http://127.0.0.1:PORT}, what engines and pages are given. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** An engine profile that logs in with the app's AppSign. */
    EngineProfile profile() {
        return new EngineProfile(APP.appId(), APP.appSign(), url());
    }

    /** What the SFU did so far (streams, players, packets in and forwarded, keyframes), for failure messages and reports. */
    String mediaFigures() {
        MediaFigures f = server.media().figures();
        return "streams " + f.streams() + ", players " + f.players()
                + ", RTP in " + f.total(MediaFigures.Total.RTP_RECEIVED_PACKETS)
                + ", forwarded " + f.total(MediaFigures.Total.RTP_FORWARDED_PACKETS)
                + ", keyframes in " + f.total(MediaFigures.Total.KEYFRAMES_RECEIVED)
                + ", dropped before keyframe " + f.total(MediaFigures.Total.DROPPED_BEFORE_KEYFRAME)
                + ", PLIs sent " + f.total(MediaFigures.Total.PLIS_SENT);
    }

    @Override
    public void close() {
        server.close();
        clock.close();
    }
}
