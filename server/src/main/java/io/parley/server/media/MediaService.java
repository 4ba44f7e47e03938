package io.parley.server.media;

import io.parley.protocol.Event;
import io.parley.server.config.MediaConfig;
import io.parley.server.room.Session;
import io.parley.transport.MediaServer;
import io.parley.transport.TransportLimits;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Where signaling meets media: the one UDP port, a publisher and a subscriber side per session,
 * and the live streams of every app by streamID. Signaling calls it after the room service has
 * decided (a publish accepted, a play PLAYING or back to waiting); it never decides who may publish
 * or play. Calls come from signaling threads; the media itself runs on the port's event loop.
 */
public final class MediaService implements AutoCloseable {
    private final MediaServer server;
    private final InetSocketAddress candidate;
    private final Map<String, LiveStream> streams = new ConcurrentHashMap<>();
    private final Map<Session, SessionMedia> sessions = new ConcurrentHashMap<>();
    private final MediaFigures figures;

    private MediaService(MediaServer server, InetSocketAddress candidate) {
        this.server = server;
        this.candidate = candidate;
        this.figures = new MediaFigures(server);
    }

    /** Binds the media port of {@code config}; its host is also the ICE candidate announced. */
    public static MediaService start(MediaConfig config) {
        MediaServer server = MediaServer.start(new InetSocketAddress(config.host(), config.port()), TransportLimits.DEFAULTS);
        return new MediaService(server, new InetSocketAddress(config.host(), server.localAddress().getPort()));
    }

    /** The UDP port media uses. */
    public int port() {
        return candidate.getPort();
    }

    /** Live streams on the media plane. */
    public int streamCount() {
        return streams.size();
    }

    /** The media plane's totals, read by /metrics. */
    public MediaFigures figures() {
        return figures;
    }

    /** The live stream {@code streamId} of app {@code appId}, or null (for tests that drive the SFU directly). */
    LiveStream stream(long appId, String streamId) {
        return streams.get(key(appId, streamId));
    }

    /** Offers for {@code s}'s subscriber transport go to {@code sink} (its current connection). */
    public void bind(Session s, Consumer<Event> sink) {
        media(s).subscriber.bind(sink);
    }

    /** Negotiates a publish's offer; nothing starts until {@link #commitPublish}. */
    public PreparedPublish preparePublish(Session s, String streamId, String sdp) throws SdpException {
        return media(s).publisher.prepare(streamId, sdp);
    }

    /** The room accepted the publish: the stream goes live; returns the SDP answer. */
    public String commitPublish(Session s, PreparedPublish p) {
        String key = key(s.appId(), p.streamId);
        LiveStream stream = media(s).publisher.commit(key, p);
        LiveStream old = streams.put(key, stream);
        if (old != null) {
            old.close();
        }
        return p.answer.sdp();
    }

    /** The session stopped publishing {@code streamId}. */
    public void unpublish(Session s, String streamId) {
        SessionMedia m = sessions.get(s);
        LiveStream stream = streams.get(key(s.appId(), streamId));
        if (m != null && stream != null && m.publisher.streams().contains(stream)) {
            streams.remove(stream.key, stream);
            m.publisher.remove(stream);
        }
    }

    /** A play of {@code s} is PLAYING: attaches it if the stream has media here. */
    public void play(Session s, String streamId) {
        LiveStream stream = streams.get(key(s.appId(), streamId));
        if (stream != null && !stream.closed()) {
            media(s).subscriber.attach(stream);
        }
    }

    /** A play of {@code s} stopped or waits again. */
    public void stopPlay(Session s, String streamId) {
        SessionMedia m = sessions.get(s);
        if (m != null) {
            m.subscriber.detach(streamId);
        }
    }

    /** The client's answer to subscriber offer {@code version}. */
    public void answer(Session s, String sdp, long version) throws SdpException {
        SessionMedia m = sessions.get(s);
        if (m == null) {
            throw new SdpException("no subscriber offer was sent");
        }
        m.subscriber.answer(sdp, version);
    }

    /** The session is over: its transports close and its streams leave the media plane. */
    public void end(Session s) {
        SessionMedia m = sessions.remove(s);
        if (m != null) {
            for (LiveStream stream : m.publisher.streams()) {
                streams.remove(stream.key, stream);
            }
            m.publisher.close();
            m.subscriber.close();
        }
    }

    private SessionMedia media(Session s) {
        return sessions.computeIfAbsent(s, x -> new SessionMedia(
                new PublisherSide(server, candidate, lost -> streams.remove(lost.key, lost), figures),
                new SubscriberSide(server, candidate, figures)));
    }

    private static String key(long appId, String streamId) {
        return appId + "/" + streamId;
    }

    @Override
    public void close() {
        for (Session s : sessions.keySet()) {
            end(s);
        }
        server.close();
    }

    /** The two transports of one session. */
    private record SessionMedia(PublisherSide publisher, SubscriberSide subscriber) {
    }
}
