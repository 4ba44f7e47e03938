package io.parley.server.signal;

import io.parley.server.media.MediaService;
import io.parley.protocol.MessageCodec;
import io.parley.server.app.AppRegistry;
import io.parley.server.metrics.SignalMetrics;
import io.parley.server.room.RoomService;
import io.parley.server.room.Scheduler;

/** What every signaling connection shares; opens one {@link SignalConnection} per WebSocket. */
public final class SignalHub {
    private final MessageCodec codec = new MessageCodec();
    private final RoomService rooms;
    private final LoginAuthenticator auth;
    private final Scheduler clock;
    private final SignalMetrics metrics;
    private final SignalOptions options;
    private final MediaService media;

    public SignalHub(AppRegistry apps, RoomService rooms, MediaService media, Scheduler clock, SignalMetrics metrics,
                     SignalOptions options) {
        this.rooms = rooms;
        this.media = media;
        this.auth = new LoginAuthenticator(apps);
        this.clock = clock;
        this.metrics = metrics;
        this.options = options;
    }

    public SignalConnection open(Outbound out, String peer) {
        return new SignalConnection(codec, rooms, media, auth, clock, metrics, options, out, peer);
    }

    public SignalOptions options() {
        return options;
    }

    public SignalMetrics metrics() {
        return metrics;
    }
}
