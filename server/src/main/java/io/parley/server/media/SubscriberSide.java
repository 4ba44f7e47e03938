package io.parley.server.media;

import io.parley.protocol.Event;
import io.parley.sfu.ExtensionMap;
import io.parley.sfu.Leg;
import io.parley.sfu.Player;
import io.parley.sfu.PlayerTrackConfig;
import io.parley.transport.MediaServer;
import io.parley.transport.MediaTransport;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A session's subscriber transport (the server offers, the client answers): one m-section per
 * played track, reused once free. Every change of the plays sends the session a new
 * {@code subscriberOffer}; a play's {@link Player} is attached to its stream when the client has
 * answered the offer that carries it, so the keyframe the SFU asks for at once reaches a browser
 * that knows the SSRC; nothing is sent before the keys are in and the players have restarted on the
 * event loop (see {@link #connected}). The signaling side changes slots under this object's lock; the event loop
 * owns the players and reads only the array {@link #live}, replaced on change.
 */
final class SubscriberSide implements MediaTransport.Listener {
    /** One play: its stream, the slot of each of the stream's tracks, and the player once attached. */
    static final class Play {
        final LiveStream stream;
        final SubscriberSlot[] slots;
        final long version;
        final PlayerTrackConfig[] configs;
        volatile boolean stopped;
        boolean armed;
        Player player;

        Play(LiveStream stream, SubscriberSlot[] slots, long version) {
            this.stream = stream;
            this.slots = slots;
            this.version = version;
            this.configs = new PlayerTrackConfig[slots.length];
            for (int i = 0; i < slots.length; i++) {
                configs[i] = new PlayerTrackConfig(slots[i].ssrc, SubscriberOffer.payloadType(slots[i].codec),
                        ExtensionMap.NONE, SubscriberOffer.ABS_SEND_TIME_ID, 0, -1);
            }
        }
    }

    private final MediaServer server;
    private final InetSocketAddress candidate;
    private final long sdpSessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    private final List<SubscriberSlot> slots = new ArrayList<>();
    private final Map<String, Play> plays = new HashMap<>();
    private MediaTransport transport;
    private RemotePeer remote;
    private long version;
    private long answered;
    private volatile Consumer<Event> sink = e -> { };
    /** The attached plays; written on the event loop only. */
    private volatile Play[] live = new Play[0];
    /** The transport has SRTP keys; event loop only. */
    private boolean keysReady;

    private final MediaFigures figures;

    SubscriberSide(MediaServer server, InetSocketAddress candidate, MediaFigures figures) {
        this.figures = figures;
        this.server = server;
        this.candidate = candidate;
    }

    /**
     * Where offers go: the session's current connection. An offer the client has not answered may
     * have been lost with the old connection, so a resumed session gets the latest one again.
     */
    synchronized void bind(Consumer<Event> sink) {
        this.sink = sink;
        if (transport != null && answered < version) {
            offer();
        }
    }

    /** Starts playing {@code stream} (once the client answers); a second call for the same stream does nothing. */
    synchronized void attach(LiveStream stream) {
        Play existing = plays.get(stream.streamId);
        if (existing != null && existing.stream == stream) {
            return;
        }
        if (existing != null) {
            detach(stream.streamId);
        }
        if (transport == null) {
            transport = server.createTransport(this);
            figures.transportCreated(transport, MediaFigures.Side.SUBSCRIBER);
        }
        SubscriberSlot[] mine = new SubscriberSlot[stream.tracks.size()];
        for (int i = 0; i < mine.length; i++) {
            PublishedTrackOffer track = stream.tracks.get(i);
            String kind = track.codec().isVideo() ? "video" : "audio";
            SubscriberSlot slot = freeSlot(kind);
            slot.streamId = stream.streamId;
            slot.codec = track.codec();
            slot.ssrc = ThreadLocalRandom.current().nextLong(1, 1L << 32);
            mine[i] = slot;
        }
        plays.put(stream.streamId, new Play(stream, mine, ++version));
        offer();
    }

    /** Stops playing {@code streamId}: its player leaves the stream and its slots turn inactive. */
    synchronized void detach(String streamId) {
        Play p = plays.remove(streamId);
        if (p == null) {
            return;
        }
        p.stopped = true;
        for (SubscriberSlot s : p.slots) {
            s.streamId = null;
        }
        p.stream.run(() -> {
            if (p.player != null) {
                p.stream.sfu.stop(p.player);
                figures.playerStopped(p.player);
                live = java.util.Arrays.stream(live).filter(x -> x != p).toArray(Play[]::new);
            }
        });
        version++;
        offer();
    }

    /** The client's answer to offer {@code v}: starts the transport the first time, then attaches what it covers. */
    synchronized void answer(String sdp, long v) throws SdpException {
        if (transport == null || v > version) {
            throw new SdpException("no subscriber offer " + v + " was sent");
        }
        RemotePeer peer = RemotePeer.of(RemotePeer.parse(sdp));
        if (remote == null) {
            remote = peer;
            transport.start(peer.forServer());
        } else if (!remote.ice().equals(peer.ice())) {
            throw new SdpException("an ICE restart of the subscriber transport is not supported");
        }
        answered = Math.max(answered, v);
        for (Play p : plays.values()) {
            if (!p.armed && p.version <= answered) {
                p.armed = true;
                p.stream.run(() -> start(p));
            }
        }
    }

    synchronized void close() {
        for (String streamId : List.copyOf(plays.keySet())) {
            detach(streamId);
        }
        if (transport != null) {
            transport.close();
        }
    }

    private SubscriberSlot freeSlot(String kind) {
        for (SubscriberSlot s : slots) {
            if (s.free() && s.kind.equals(kind)) {
                return s;
            }
        }
        SubscriberSlot s = new SubscriberSlot(String.valueOf(slots.size()), kind);
        slots.add(s);
        return s;
    }

    private void offer() {
        sink.accept(new Event.SubscriberOffer(
                SubscriberOffer.write(slots, transport, candidate, sdpSessionId, version), version));
    }

    /** On the event loop: the play's player joins its stream (which asks for a keyframe at once). */
    private void start(Play p) {
        if (p.stopped || p.stream.closed() || p.player != null) {
            return;
        }
        p.player = p.stream.sfu.play(leg, p.configs);
        figures.playerStarted(p.player);
        live = with(live, p);
    }

    private static Play[] with(Play[] array, Play p) {
        Play[] out = java.util.Arrays.copyOf(array, array.length + 1);
        out[array.length] = p;
        return out;
    }

    /**
     * Sends nothing until {@link #connected} has run on the event loop: a packet protected before
     * the players restart there would leave the browser's SRTP context (rollover counter) expecting
     * the old sequence numbers, and that play would never decode.
     */
    private final Leg leg = new Leg() {
        private final Leg out = new TransportLeg(() -> transport);

        @Override
        public void sendRtp(byte[] b, int off, int len) {
            if (keysReady) {
                out.sendRtp(b, off, len);
            }
        }

        @Override
        public void sendRtcp(byte[] b, int off, int len) {
            if (keysReady) {
                out.sendRtcp(b, off, len);
            }
        }
    };

    // ---- MediaTransport.Listener, on the media event loop

    /**
     * DTLS is up (called on a handshake thread). On the event loop, which owns the players: players
     * attached before it lost the first keyframe to a transport without keys, so each rejoins its
     * stream, which asks the publisher for a fresh keyframe; only then may the leg send.
     */
    @Override
    public void connected() {
        server.port().eventLoop().execute(() -> {
            for (Play p : live) {
                if (!p.stopped && p.player != null && !p.stream.closed()) {
                    p.stream.sfu.stop(p.player);
                    figures.playerStopped(p.player);
                    p.player = p.stream.sfu.play(leg, p.configs);
                    figures.playerStarted(p.player);
                }
            }
            keysReady = true;
        });
    }

    @Override
    public void onRtp(byte[] buf, int off, int len) {
        // A player sends no media on a sendonly transport; anything else is dropped.
    }

    @Override
    public void onRtcp(byte[] buf, int off, int len) {
        for (Play p : live) {
            Player player = p.player;
            if (player != null) {
                p.stream.sfu.receivePlayerRtcp(player, buf, off, len);
            }
        }
    }
}
