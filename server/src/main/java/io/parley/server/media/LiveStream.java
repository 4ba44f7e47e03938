package io.parley.server.media;

import io.netty.channel.EventLoop;
import io.parley.sfu.Leg;
import io.parley.sfu.MediaClock;
import io.parley.sfu.PublishedStream;
import io.parley.sfu.PublishedTrackConfig;
import io.parley.sfu.StreamConfig;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One published stream on the media plane: the SFU's {@link PublishedStream} and the tracks the
 * publisher negotiated. It lives on the media port's event loop, the thread that receives every
 * datagram: packets, player RTCP, play, stop and the 50 ms tick all run there, so the SFU's
 * one-thread-per-stream rule holds without a hand-off or a lock (docs/sfu.md).
 */
final class LiveStream {
    static final long TICK_MILLIS = 50;

    final String key;
    final String streamId;
    final List<PublishedTrackOffer> tracks;
    final PublishedStream sfu;
    private final EventLoop loop;
    private final ScheduledFuture<?> tick;
    private volatile boolean closed;

    LiveStream(String key, String streamId, List<PublishedTrackOffer> tracks, Leg publisher, EventLoop loop) {
        this.key = key;
        this.streamId = streamId;
        this.tracks = List.copyOf(tracks);
        this.loop = loop;
        boolean firOnly = tracks.stream().anyMatch(PublishedTrackOffer::firOnly);
        List<PublishedTrackConfig> configs = tracks.stream().map(PublishedTrackOffer::config).toList();
        this.sfu = new PublishedStream(StreamConfig.defaults(ThreadLocalRandom.current().nextLong(1, 1L << 32))
                .withFirOnly(firOnly), configs, publisher, MediaClock.SYSTEM);
        this.tick = loop.scheduleAtFixedRate(sfu::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the stream's thread. */
    void run(Runnable task) {
        loop.execute(task);
    }

    boolean closed() {
        return closed;
    }

    /** Stops the tick; players attached to it receive nothing more. */
    void close() {
        closed = true;
        tick.cancel(false);
    }

    /** Whether {@code ssrc} is one this stream's publisher sends from (media or RTX). */
    boolean owns(long ssrc) {
        for (PublishedTrackOffer t : tracks) {
            if (t.ssrc() == ssrc || (t.rtxSsrc() != 0 && t.rtxSsrc() == ssrc)) {
                return true;
            }
        }
        return false;
    }
}
