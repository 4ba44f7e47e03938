package io.parley.server.media;

import io.netty.channel.EventLoop;
import io.parley.transport.MediaServer;
import io.parley.transport.MediaTransport;
import io.parley.wire.sdp.SessionDescription;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's publisher transport (the client offers, the server answers; DESIGN.md "Media"): one
 * ICE + DTLS handshake however many streams the session publishes. Each publish brings the
 * transport's whole current offer; its new sending m-sections become one {@link LiveStream}.
 * Received RTP goes to the stream that owns its SSRC, found by a scan of two arrays that are
 * replaced, never changed, so the event loop reads them without a lock or an allocation.
 */
final class PublisherSide implements MediaTransport.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(PublisherSide.class);

    private final MediaServer server;
    private final InetSocketAddress candidate;
    private final Consumer<LiveStream> onStreamLost;
    private final long sdpSessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    private final Set<String> knownMids = new HashSet<>();
    private MediaTransport transport;
    private RemotePeer remote;
    private long version;
    private volatile long[] ssrcs = new long[0];
    private volatile LiveStream[] owners = new LiveStream[0];

    private final MediaFigures figures;

    PublisherSide(MediaServer server, InetSocketAddress candidate, Consumer<LiveStream> onStreamLost, MediaFigures figures) {
        this.figures = figures;
        this.server = server;
        this.candidate = candidate;
        this.onStreamLost = onStreamLost;
    }

    /** Answers {@code sdp}; nothing changes until {@link #commit}. */
    synchronized PreparedPublish prepare(String streamId, String sdp) throws SdpException {
        SessionDescription offer = RemotePeer.parse(sdp);
        RemotePeer peer = RemotePeer.of(offer);
        if (remote != null && !remote.ice().equals(peer.ice())) {
            if (owners.length > 0) {
                throw new SdpException("an ICE restart of the publisher transport is not supported");
            }
            // Nothing is published on the old transport: the client opened a new peer connection.
            transport.close();
            transport = null;
            remote = null;
            knownMids.clear();
        }
        if (transport == null) {
            transport = server.createTransport(this);
            figures.transportCreated(transport, MediaFigures.Side.PUBLISHER);
        }
        PublisherAnswer answer = PublisherAnswer.answer(offer, knownMids, transport, candidate, sdpSessionId, ++version);
        if (answer.newTracks().isEmpty()) {
            throw new SdpException("the offer has no new sending audio or video m-section for " + streamId);
        }
        return new PreparedPublish(streamId, answer, peer);
    }

    /** The room accepted the publish: starts the transport on first use and the stream's media. */
    synchronized LiveStream commit(String key, PreparedPublish p) {
        if (remote == null) {
            remote = p.remote;
            transport.start(remote.forServer());
        }
        for (PublishedTrackOffer t : p.answer.newTracks()) {
            knownMids.add(t.mid());
        }
        EventLoop loop = server.port().eventLoop();
        MediaTransport t = transport;
        LiveStream stream = new LiveStream(key, p.streamId, p.answer.newTracks(), new TransportLeg(() -> t), loop);
        rebuild(stream, null);
        figures.streamStarted(stream);
        return stream;
    }

    /** The stream stopped: its SSRCs route nowhere and its m-sections may carry a new publish. */
    synchronized void remove(LiveStream stream) {
        rebuild(null, stream);
        for (PublishedTrackOffer t : stream.tracks) {
            knownMids.remove(t.mid());
        }
        stream.close();
    }

    synchronized List<LiveStream> streams() {
        return List.of(distinct());
    }

    synchronized void close() {
        for (LiveStream s : distinct()) {
            s.close();
        }
        ssrcs = new long[0];
        owners = new LiveStream[0];
        if (transport != null) {
            transport.close();
        }
    }

    private LiveStream[] distinct() {
        return java.util.Arrays.stream(owners).distinct().toArray(LiveStream[]::new);
    }

    private void rebuild(LiveStream added, LiveStream removed) {
        long[] oldSsrcs = ssrcs;
        LiveStream[] oldOwners = owners;
        int extra = added == null ? 0 : added.tracks.size() * 2;
        long[] s = new long[oldSsrcs.length + extra];
        LiveStream[] o = new LiveStream[s.length];
        int n = 0;
        for (int i = 0; i < oldSsrcs.length; i++) {
            if (oldOwners[i] != removed) {
                s[n] = oldSsrcs[i];
                o[n++] = oldOwners[i];
            }
        }
        if (added != null) {
            for (PublishedTrackOffer t : added.tracks) {
                s[n] = t.ssrc();
                o[n++] = added;
                if (t.rtxSsrc() != 0) {
                    s[n] = t.rtxSsrc();
                    o[n++] = added;
                }
            }
        }
        owners = java.util.Arrays.copyOf(o, n);
        ssrcs = java.util.Arrays.copyOf(s, n);
    }

    // ---- MediaTransport.Listener, on the media event loop

    @Override
    public void onRtp(byte[] buf, int off, int len) {
        if (len < 12) {
            return;
        }
        long ssrc = ((buf[off + 8] & 0xFFL) << 24) | ((buf[off + 9] & 0xFF) << 16) | ((buf[off + 10] & 0xFF) << 8)
                | (buf[off + 11] & 0xFF);
        long[] s = ssrcs;
        LiveStream[] o = owners;
        for (int i = 0; i < s.length && i < o.length; i++) {
            if (s[i] == ssrc) {
                o[i].sfu.receiveRtp(buf, off, len);
                return;
            }
        }
    }

    @Override
    public void onRtcp(byte[] buf, int off, int len) {
        LiveStream[] o = owners;
        LiveStream last = null;
        for (LiveStream stream : o) {
            if (stream != last) {
                stream.sfu.receiveRtcp(buf, off, len);
                last = stream;
            }
        }
    }

    @Override
    public void failed(String reason) {
        lost(reason);
    }

    @Override
    public void closed(String reason) {
        lost(reason);
    }

    /**
     * The transport is gone, and with it the streams' media: they leave the media plane (the room
     * still lists them until the session ends) and a new peer connection may publish. The lock is
     * taken off the event loop, which must never wait for a signaling thread.
     */
    private void lost(String reason) {
        LOG.info("publisher transport ended: {}", reason);
        ForkJoinPool.commonPool().execute(() -> {
            for (LiveStream s : streams()) {
                remove(s);
                onStreamLost.accept(s);
            }
        });
    }
}
