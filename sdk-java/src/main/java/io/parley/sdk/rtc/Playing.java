package io.parley.sdk.rtc;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.Request;
import io.parley.sdk.ExpressException;
import io.parley.sdk.PlayerState;
import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.MediaSink;
import io.parley.sdk.session.RoomSession;
import io.parley.transport.MediaTransport;
import io.parley.transport.RemoteParameters;
import io.parley.wire.WireFormatException;
import io.parley.wire.rtcp.PictureLossIndication;
import io.parley.wire.rtcp.ReceiverReport;
import io.parley.wire.rtcp.RtcpCompound;
import io.parley.wire.rtcp.RtcpHeader;
import io.parley.wire.rtcp.SenderReport;
import io.parley.wire.sdp.Direction;
import io.parley.wire.sdp.MediaDescription;
import io.parley.wire.sdp.SessionDescription;
import io.parley.wire.sdp.Ssrc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room session's plays and its one subscriber transport (docs/protocol.md "Media": the server
 * offers with {@code subscriberOffer} as plays start and stop, we answer with
 * {@code subscriberAnswer}, in the order the offers came). Each offer's sending sections name
 * their stream ({@code a=msid}, RFC 8830) and SSRC ({@code a=ssrc}, RFC 5576): received RTP goes
 * to the play's sink by SSRC, through an array replaced on change so the event loop reads it
 * without a lock. Every second a receiver report goes back for each source (RFC 3550 §6.4.2); a
 * play whose video starts gets a PLI (RFC 4585 §6.3.1). The server's offer has no RTX, so every
 * packet is an original.
 */
public final class Playing implements MediaTransport.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Playing.class);

    /** Where packets of one SSRC go. */
    private record Route(long ssrc, MediaKind kind, Play play) {
    }

    /** A sending section of the latest offer: whose track its SSRC carries. */
    private record OfferedTrack(long ssrc, MediaKind kind, String streamID) {
    }

    private final MediaContext ctx;
    private final RoomSession session;
    private final long sdpSessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    private final long rtcpSsrc = ThreadLocalRandom.current().nextLong(1, 1L << 32);
    private final Map<String, Play> plays = new HashMap<>();
    private volatile Route[] routes = new Route[0];
    private List<OfferedTrack> offered = List.of();
    private volatile MediaTransport transport;
    private boolean started;
    private long answerVersion;
    private CompletableFuture<Void> answering = CompletableFuture.completedFuture(null);
    private final ReportTimers timers;
    private final byte[] rtcpOut = new byte[1500];
    private final RtcpCompound compound = new RtcpCompound();
    private final GatedStart gated = new GatedStart();
    private final SenderReport sr = new SenderReport();

    public Playing(MediaContext ctx, RoomSession session) {
        this.ctx = ctx;
        this.session = session;
        this.timers = new ReportTimers(ctx, this::sendReports, this::reportQuality);
    }

    /**
     * Plays {@code streamID} into {@code sink}: PLAY_REQUESTING, then PLAYING when the server says
     * the stream is there (at once, or once it is published). Completes when the server accepts.
     */
    public CompletableFuture<Void> play(String streamID, MediaSink sink) {
        Play old = plays.remove(streamID);
        if (old != null) {
            old.close();
        }
        Play p = new Play(streamID, sink);
        plays.put(streamID, p);
        rebuildRoutes();
        setState(p, PlayerState.PLAY_REQUESTING, 0);
        timers.start();
        return session.request(id -> new Request.Play(id, streamID)).handle((r, e) -> {
            if (e != null) {
                ExpressException error = RoomSession.express(e, ErrorCode.PLAY_FAILED.code());
                if (plays.remove(streamID, p)) {
                    rebuildRoutes();
                    p.close();
                    setState(p, PlayerState.NO_PLAY, error.errorCode());
                }
                throw error;
            }
            if ("PLAYING".equals(r.path("state").asText()) && plays.get(streamID) == p) {
                setState(p, PlayerState.PLAYING, 0);
            }
            return null;
        });
    }

    /** Stops playing {@code streamID}: the sink is closed, the server's next offer frees its sections. */
    public CompletableFuture<Void> stop(String streamID) {
        Play p = plays.remove(streamID);
        if (p == null) {
            return CompletableFuture.completedFuture(null);
        }
        rebuildRoutes();
        p.close();
        setState(p, PlayerState.NO_PLAY, 0);
        return session.request(id -> new Request.StopPlay(id, streamID)).handle((r, e) -> null);
    }

    /** Stops (true) or resumes handing a played stream's audio or video to its sink. */
    public void mute(String streamID, MediaKind kind, boolean mute) {
        Play p = plays.get(streamID);
        if (p != null) {
            p.mute(kind, mute);
        }
    }

    /** {@code playerStateUpdate} and {@code subscriberOffer} from the session. */
    public void onEvent(JsonNode e) {
        switch (e.path("event").asText()) {
            case "playerStateUpdate" -> {
                Play p = plays.get(e.path("streamID").asText());
                if (p == null) {
                    return;
                }
                if ("PLAYING".equals(e.path("state").asText())) {
                    setState(p, PlayerState.PLAYING, e.path("errorCode").asInt());
                } else if (p.state == PlayerState.PLAYING) {
                    // The stream ended: the play stops (NO_PLAY, as the Web SDK reports it) and its sink
                    // is finished; play the stream again when it returns.
                    stop(p.streamID);
                }
            }
            case "subscriberOffer" -> {
                String sdp = e.path("sdp").asText();
                long version = e.path("version").asLong();
                answering = answering.handle((x, f) -> null).thenCompose(x -> answer(sdp, version)).exceptionally(f -> {
                    LOG.warn("room {}: subscriber offer {} failed: {}", session.roomID(), version,
                            RoomSession.express(f, ErrorCode.SDP_INVALID.code()).getMessage());
                    return null;
                });
            }
            default -> LOG.debug("room {}: event {} ignored", session.roomID(), e.path("event").asText());
        }
    }

    private CompletableFuture<Void> answer(String sdp, long version) {
        if (version <= answerVersion) {
            return CompletableFuture.completedFuture(null);
        }
        SessionDescription offer;
        try {
            offer = ServerSdp.parse(sdp);
        } catch (ServerSdp.SdpProblem e) {
            return CompletableFuture.failedFuture(e);
        }
        if (transport == null || transport.isFinished()) {
            transport = ctx.client().get().createTransport(this);
            started = false;
        }
        MediaTransport t = transport;
        route(offer);
        String answer = SdpWriter.subscriberAnswer(offer, t, sdpSessionId, version);
        return session.request(id -> new Request.SubscriberAnswer(id, answer, version)).thenAccept(r -> {
            answerVersion = version;
            if (!started) {
                try {
                    startGated(t, ServerSdp.transport(offer));
                } catch (ServerSdp.SdpProblem | RuntimeException e) {
                    throw new ExpressException(ErrorCode.SDP_INVALID.code(), e.getMessage());
                }
                started = true;
            }
            requestKeyframes();
        });
    }

    /** The SSRCs of this offer's sending sections, and the streams they carry ({@code a=msid}). */
    private void route(SessionDescription offer) {
        List<OfferedTrack> out = new ArrayList<>();
        for (MediaDescription m : offer.media()) {
            if (m.direction() != Direction.SENDONLY || m.msids().isEmpty() || m.ssrcs().isEmpty()) {
                continue;
            }
            Ssrc ssrc = m.ssrcs().get(0);
            out.add(new OfferedTrack(ssrc.ssrc(), "video".equals(m.media()) ? MediaKind.VIDEO : MediaKind.AUDIO,
                    m.msids().get(0).streamId()));
        }
        offered = List.copyOf(out);
        rebuildRoutes();
    }

    /** Maps the offered SSRCs to the current plays; called whenever either changes. */
    private void rebuildRoutes() {
        List<Route> out = new ArrayList<>();
        for (OfferedTrack t : offered) {
            Play p = plays.get(t.streamID());
            if (p != null) {
                out.add(new Route(t.ssrc(), t.kind(), p));
            }
        }
        routes = out.toArray(Route[]::new);
    }

    /** Asks for a keyframe of every played video source (RFC 4585 §6.3.1), so a new play decodes at once. */
    private void requestKeyframes() {
        MediaTransport t = transport;
        if (t == null || t.state() != MediaTransport.State.CONNECTED) {
            return;
        }
        synchronized (rtcpOut) {
            for (Route r : routes) {
                if (r.kind == MediaKind.VIDEO && !r.play.closed()) {
                    int n = PictureLossIndication.write(rtcpOut, 0, rtcpSsrc, r.ssrc);
                    t.sendRtcp(rtcpOut, 0, n);
                }
            }
        }
    }

    /** The session ended: every play stops and the transport closes. */
    public void close(int errorCode) {
        for (Play p : List.copyOf(plays.values())) {
            p.close();
            setState(p, PlayerState.NO_PLAY, errorCode);
        }
        plays.clear();
        offered = List.of();
        routes = new Route[0];
        timers.stop();
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }

    private void setState(Play p, PlayerState state, int errorCode) {
        if (p.state == state && errorCode == 0) {
            return;
        }
        p.state = state;
        ctx.callbacks().post(h -> h.onPlayerStateUpdate(p.streamID, state, errorCode, "{}"));
    }

    /** RFC 3550 §6.4.2: a receiver report with one block per source that has sent something. */
    private void sendReports() {
        MediaTransport t = transport;
        if (t == null || t.state() != MediaTransport.State.CONNECTED) {
            return;
        }
        synchronized (rtcpOut) {
            int blocks = 0;
            int at = 8;
            for (Route r : routes) {
                ReceiveStats s = r.kind == MediaKind.AUDIO ? r.play.audio : r.play.video;
                synchronized (r.play) {
                    if (s.packets() > 0 && blocks < 31 && s.ssrc() == r.ssrc) {
                        at += s.writeBlock(rtcpOut, at);
                        blocks++;
                    }
                }
            }
            if (blocks > 0) {
                ReceiverReport.write(rtcpOut, 0, rtcpSsrc, blocks);
                t.sendRtcp(rtcpOut, 0, at);
            }
        }
    }

    private void reportQuality() {
        for (Play p : plays.values()) {
            if (p.state == PlayerState.PLAYING) {
                var q = p.quality();
                ctx.callbacks().post(h -> h.onPlayerQualityUpdate(p.streamID, q));
            }
        }
    }

    /** Starts ICE and DTLS through the JVM's handshake gate, unless this transport was replaced meanwhile. */
    private void startGated(MediaTransport t, RemoteParameters remote) {
        gated.start(ctx.handshakes(), t, remote, () -> transport == t,
                e -> LOG.warn("room {}: the subscriber transport did not start: {}", session.roomID(), e.getMessage()));
    }

    // ---- MediaTransport.Listener

    @Override
    public void connected() {
        gated.release();
        ctx.loop().execute(this::requestKeyframes);
    }

    @Override
    public void failed(String reason) {
        gated.release();
        LOG.warn("room {}: the subscriber transport failed: {}", session.roomID(), reason);
    }

    @Override
    public void closed(String reason) {
        gated.release();
        LOG.info("room {}: the subscriber transport closed: {}", session.roomID(), reason);
    }

    @Override
    public void onRtp(byte[] buf, int off, int len) {
        if (len < 12) {
            return;
        }
        long arrival = System.nanoTime();
        long ssrc = ((buf[off + 8] & 0xFFL) << 24) | ((buf[off + 9] & 0xFF) << 16) | ((buf[off + 10] & 0xFF) << 8)
                | (buf[off + 11] & 0xFF);
        for (Route r : routes) {
            if (r.ssrc == ssrc) {
                if (r.play.deliver(r.kind, buf, off, len, arrival)) {
                    String streamID = r.play.streamID;
                    if (r.kind == MediaKind.AUDIO) {
                        ctx.callbacks().post(h -> h.onPlayerRecvAudioFirstFrame(streamID));
                    } else {
                        ctx.callbacks().post(h -> h.onPlayerRecvVideoFirstFrame(streamID));
                    }
                }
                return;
            }
        }
    }

    @Override
    public void onRtcp(byte[] buf, int off, int len) {
        try {
            compound.wrap(buf, off, len);
            while (compound.next()) {
                if (compound.packetType() != RtcpHeader.PT_SR) {
                    continue;
                }
                sr.wrap(buf, compound.packetOffset(), compound.packetLength());
                for (Route r : routes) {
                    if (r.ssrc == sr.ssrc()) {
                        synchronized (r.play) {
                            (r.kind == MediaKind.AUDIO ? r.play.audio : r.play.video).senderReport(sr.ntpTimestamp());
                        }
                    }
                }
            }
        } catch (WireFormatException e) {
            LOG.debug("room {}: unreadable RTCP from the server dropped: {}", session.roomID(), e.getMessage());
        }
    }
}
