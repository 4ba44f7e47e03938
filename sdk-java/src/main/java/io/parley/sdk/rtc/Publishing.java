package io.parley.sdk.rtc;

import io.parley.protocol.ErrorCode;
import io.parley.protocol.Request;
import io.parley.sdk.ExpressException;
import io.parley.sdk.PublisherState;
import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.MediaSource;
import io.parley.sdk.media.PacketOutput;
import io.parley.sdk.media.RtpPacketizer;
import io.parley.sdk.session.RoomSession;
import io.parley.sdk.signal.ClientErrors;
import io.parley.transport.MediaTransport;
import io.parley.transport.RemoteParameters;
import io.parley.wire.WireFormatException;
import io.parley.wire.rtcp.FullIntraRequest;
import io.parley.wire.rtcp.GenericNack;
import io.parley.wire.rtcp.PictureLossIndication;
import io.parley.wire.rtcp.ReceiverReport;
import io.parley.wire.rtcp.ReportBlock;
import io.parley.wire.rtcp.ReportPacket;
import io.parley.wire.rtcp.RtcpCompound;
import io.parley.wire.rtcp.RtcpHeader;
import io.parley.wire.rtcp.SenderReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room session's publisher transport (docs/protocol.md "Media": the client offers in
 * {@code publish}, the server answers): one ICE + DTLS handshake however many streams the engine
 * publishes. Each publish adds a {@code sendonly} m-section per track of its source (reusing the
 * sections of stopped streams, which are offered {@code inactive} meanwhile) and sends the
 * transport's whole offer. The transport starts with the first answer; a publish completes once
 * it is connected and the source runs. RTCP from the server asks for keyframes (PLI, FIR: RFC 4585
 * §6.3.1, RFC 5104 §4.3.1), retransmissions (NACK) and reports loss and round trip (RR); every
 * second each track sends an SR. State lives on the engine's loop; RTCP arrives on the port's event loop.
 */
public final class Publishing implements MediaTransport.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Publishing.class);
    private static final int MAX_PAYLOAD = 1100;

    private final MediaContext ctx;
    private final RoomSession session;
    private final long sdpSessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    private final List<SdpWriter.OfferSection> sections = new ArrayList<>();
    private final Map<String, Publication> streams = new LinkedHashMap<>();
    private final Map<String, PublisherState> states = new LinkedHashMap<>();
    private volatile Publication[] live = new Publication[0];
    private volatile MediaTransport transport;
    private CompletableFuture<Void> connected = new CompletableFuture<>();
    private boolean started;
    private long version;
    private CompletableFuture<Void> negotiating = CompletableFuture.completedFuture(null);
    private final ReportTimers timers;
    private final byte[] rtcpOut = new byte[1500];
    // RTCP views for the event loop, which alone uses them.
    private final RtcpCompound compound = new RtcpCompound();
    private final GatedStart gated = new GatedStart();
    private final PictureLossIndication pli = new PictureLossIndication();
    private final FullIntraRequest fir = new FullIntraRequest();
    private final GenericNack nack = new GenericNack();
    private final SenderReport sr = new SenderReport();
    private final ReceiverReport rr = new ReceiverReport();
    private final ReportBlock block = new ReportBlock();

    public Publishing(MediaContext ctx, RoomSession session) {
        this.ctx = ctx;
        this.session = session;
        this.timers = new ReportTimers(ctx, this::sendReports, this::reportQuality);
    }

    public boolean publishes(String streamID) {
        return streams.containsKey(streamID);
    }

    /**
     * Publishes {@code source} as {@code streamID}: PUBLISH_REQUESTING, the publish request with the
     * offer, the transport, then PUBLISHING once media flows. Publishes run one after another, as
     * each offer builds on the last answer.
     */
    public CompletableFuture<Void> publish(String streamID, MediaSource source, String extraInfo) {
        if (streams.containsKey(streamID)) {
            return CompletableFuture.failedFuture(new ExpressException(ErrorCode.ALREADY_PUBLISHING.code(),
                    "this engine already publishes " + streamID));
        }
        if (source.kinds().isEmpty()) {
            return CompletableFuture.failedFuture(new ExpressException(ErrorCode.INVALID_FIELD.code(),
                    "the source has no audio or video"));
        }
        Publication p = allocate(streamID, source);
        p.setExtraInfo(extraInfo);
        streams.put(streamID, p);
        setState(streamID, PublisherState.PUBLISH_REQUESTING, 0);
        CompletableFuture<Void> result = new CompletableFuture<>();
        negotiating = negotiating.handle((x, e) -> null).thenCompose(x -> negotiate(p)).whenComplete((x, e) -> {
            if (e == null) {
                result.complete(null);
            } else {
                ExpressException error = RoomSession.express(e, ClientErrors.MEDIA_FAILED);
                if (streams.get(streamID) == p) {
                    release(p);
                    setState(streamID, PublisherState.NO_PUBLISH, error.errorCode());
                }
                result.completeExceptionally(error);
            }
        });
        return result;
    }

    private Publication allocate(String streamID, MediaSource source) {
        MediaTransport t = transport();
        PacketOutput send = (buf, off, len) -> {
            if (!t.isFinished()) {
                t.sendRtp(buf, off, len);
            }
        };
        SentTrack audio = null;
        SentTrack video = null;
        List<String> mids = new ArrayList<>();
        for (MediaKind kind : MediaKind.values()) {
            if (!source.kinds().contains(kind)) {
                continue;
            }
            long ssrc = ThreadLocalRandom.current().nextLong(1, 1L << 32);
            String mid = claimSection(kind, ssrc, streamID);
            mids.add(mid);
            RtpPacketizer packetizer = new RtpPacketizer(kind, ssrc,
                    kind == MediaKind.AUDIO ? SdpWriter.OPUS_PT : SdpWriter.VP8_PT, MAX_PAYLOAD)
                    .withMid(SdpWriter.MID_EXTENSION_ID, mid);
            if (kind == MediaKind.AUDIO) {
                audio = new SentTrack(packetizer, send);
            } else {
                video = new SentTrack(packetizer, send);
            }
        }
        return new Publication(streamID, source, audio, video, mids.toArray(String[]::new));
    }

    /** A free section of this kind, or a new one at the end (sections are never removed: RFC 8829 §5.2.2). */
    private String claimSection(MediaKind kind, long ssrc, String streamID) {
        for (int i = 0; i < sections.size(); i++) {
            SdpWriter.OfferSection s = sections.get(i);
            if (s.free() && s.kind() == kind) {
                sections.set(i, new SdpWriter.OfferSection(s.mid(), kind, ssrc, streamID));
                return s.mid();
            }
        }
        String mid = String.valueOf(sections.size());
        sections.add(new SdpWriter.OfferSection(mid, kind, ssrc, streamID));
        return mid;
    }

    private MediaTransport transport() {
        MediaTransport t = transport;
        if (t == null || t.isFinished()) {
            // A new peer connection: the server takes it once nothing is published on the old one.
            t = ctx.client().get().createTransport(this);
            transport = t;
            connected = new CompletableFuture<>();
            started = false;
            sections.clear();
        }
        return t;
    }

    private CompletableFuture<Void> negotiate(Publication p) {
        if (streams.get(p.streamID) != p) {
            return CompletableFuture.failedFuture(new ExpressException(ClientErrors.NOT_LOGGED_IN, "stopped before it was sent"));
        }
        MediaTransport t = transport;
        String offer = SdpWriter.publishOffer(sections, t, sdpSessionId, ++version);
        return session.request(id -> new Request.Publish(id, p.streamID, p.extraInfo(), offer)).thenCompose(response -> {
            if (!started) {
                try {
                    startGated(t, ServerSdp.transport(ServerSdp.parse(response.path("sdp").asText())));
                } catch (ServerSdp.SdpProblem | RuntimeException e) {
                    unpublishQuietly(p.streamID);
                    throw new ExpressException(ClientErrors.MEDIA_FAILED, e.getMessage());
                }
                started = true;
            }
            return connected.copy().orTimeout(ctx.connectTimeoutMillis(), TimeUnit.MILLISECONDS).handleAsync((x, e) -> {
                if (e != null) {
                    unpublishQuietly(p.streamID);
                    throw new ExpressException(ClientErrors.MEDIA_FAILED, "the publisher transport did not connect: "
                            + RoomSession.express(e, ClientErrors.MEDIA_FAILED).getMessage());
                }
                if (streams.get(p.streamID) != p) {
                    throw new ExpressException(ClientErrors.NOT_LOGGED_IN, "stopped while connecting");
                }
                p.start(ctx.timers());
                live = streams.values().toArray(Publication[]::new);
                timers.start();
                setState(p.streamID, PublisherState.PUBLISHING, 0);
                return null;
            }, ctx.loop());
        });
    }

    private void unpublishQuietly(String streamID) {
        session.request(id -> new Request.Unpublish(id, streamID)).exceptionally(e -> null);
    }

    /** Stops publishing {@code streamID}: the source stops, its sections turn inactive, the room hears DELETE. */
    public CompletableFuture<Void> unpublish(String streamID) {
        Publication p = streams.get(streamID);
        if (p == null) {
            return CompletableFuture.failedFuture(new ExpressException(ErrorCode.STREAM_NOT_FOUND.code(),
                    "this engine does not publish " + streamID));
        }
        release(p);
        setState(streamID, PublisherState.NO_PUBLISH, 0);
        return session.request(id -> new Request.Unpublish(id, streamID)).thenApply(r -> null);
    }

    /** Forgets a stream: its source stops and its sections are free for the next publish. */
    private void release(Publication p) {
        streams.remove(p.streamID);
        p.stop();
        live = streams.values().toArray(Publication[]::new);
        for (int i = 0; i < sections.size(); i++) {
            SdpWriter.OfferSection s = sections.get(i);
            if (p.streamID.equals(s.streamID())) {
                sections.set(i, new SdpWriter.OfferSection(s.mid(), s.kind(), 0, null));
            }
        }
    }

    /** Sets the extra info of a published stream (kept with the publication for a later offer). */
    public CompletableFuture<Void> setExtraInfo(String streamID, String extraInfo) {
        Publication p = streams.get(streamID);
        if (p != null) {
            p.setExtraInfo(extraInfo);
        }
        return session.request(id -> new Request.SetStreamExtraInfo(id, streamID, extraInfo)).thenApply(r -> null);
    }

    public void mute(MediaKind kind, boolean mute) {
        streams.values().forEach(p -> p.mute(kind, mute));
    }

    /** The signaling socket was lost: the server keeps the streams while the session can resume. */
    public void onReconnecting() {
        streams.keySet().forEach(id -> {
            if (states.get(id) == PublisherState.PUBLISHING) {
                setState(id, PublisherState.PUBLISH_REQUESTING, ErrorCode.CONNECTION_INTERRUPTED.code());
            }
        });
    }

    public void onResumed() {
        streams.values().forEach(p -> {
            if (states.get(p.streamID) == PublisherState.PUBLISH_REQUESTING && p.running()) {
                setState(p.streamID, PublisherState.PUBLISHING, 0);
            }
        });
    }

    /** The session ended: every source stops, the transport closes. */
    public void close(int errorCode) {
        for (Publication p : List.copyOf(streams.values())) {
            release(p);
            setState(p.streamID, PublisherState.NO_PUBLISH, errorCode);
        }
        timers.stop();
        MediaTransport t = transport;
        transport = null;
        if (t != null) {
            t.close();
        }
    }

    private void setState(String streamID, PublisherState state, int errorCode) {
        if (state == PublisherState.NO_PUBLISH) {
            states.remove(streamID);
        } else {
            states.put(streamID, state);
        }
        ctx.callbacks().post(h -> h.onPublisherStateUpdate(streamID, state, errorCode, "{}"));
    }

    /** RFC 3550 §6.4.1: one SR per sending track, about once a second (on the shared timer thread). */
    private void sendReports() {
        MediaTransport t = transport;
        if (t == null || t.state() != MediaTransport.State.CONNECTED) {
            return;
        }
        synchronized (rtcpOut) {
            for (Publication p : live) {
                int n = p.writeSenderReports(rtcpOut);
                if (n > 0) {
                    t.sendRtcp(rtcpOut, 0, n);
                }
            }
        }
    }

    private void reportQuality() {
        for (Publication p : streams.values()) {
            if (states.get(p.streamID) == PublisherState.PUBLISHING) {
                var q = p.quality();
                ctx.callbacks().post(h -> h.onPublisherQualityUpdate(p.streamID, q));
            }
        }
    }

    /** Starts ICE and DTLS through the JVM's handshake gate, unless this transport was replaced meanwhile. */
    private void startGated(MediaTransport t, RemoteParameters remote) {
        gated.start(ctx.handshakes(), t, remote, () -> transport == t,
                e -> LOG.warn("room {}: the publisher transport did not start: {}", session.roomID(), e.getMessage()));
    }

    // ---- MediaTransport.Listener

    @Override
    public void connected() {
        gated.release();
        // On the DTLS handshake thread: the publishes waiting for it go on on the loop.
        ctx.loop().execute(() -> connected.complete(null));
    }

    @Override
    public void failed(String reason) {
        gated.release();
        ctx.loop().execute(() -> {
            connected.completeExceptionally(new ExpressException(ClientErrors.MEDIA_FAILED, reason));
            lost(reason);
        });
    }

    @Override
    public void closed(String reason) {
        gated.release();
        ctx.loop().execute(() -> lost(reason));
    }

    /**
     * The transport ended under running streams: they stop (the server has dropped their media
     * too). The server closes it when the session ends, and the kick-out that says why may come a
     * moment after on the signaling socket: the streams stop with that reason if it comes within a
     * second, else with the media failure.
     */
    private void lost(String reason) {
        MediaTransport t = transport;
        if (t != null && t.isFinished()) {
            ctx.timers().schedule(() -> ctx.loop().execute(() -> stopLost(t, reason)), 1, TimeUnit.SECONDS);
        }
    }

    private void stopLost(MediaTransport t, String reason) {
        if (transport == t && session.loggedIn()) {
            LOG.warn("room {}: the publisher transport ended: {}", session.roomID(), reason);
            for (Publication p : List.copyOf(streams.values())) {
                if (p.running()) {
                    release(p);
                    setState(p.streamID, PublisherState.NO_PUBLISH, ClientErrors.MEDIA_FAILED);
                    unpublishQuietly(p.streamID);
                }
            }
        }
    }

    @Override
    public void onRtp(byte[] buf, int off, int len) {
        // The server sends no media on a publisher transport.
    }

    @Override
    public void onRtcp(byte[] buf, int off, int len) {
        try {
            compound.wrap(buf, off, len);
            while (compound.next()) {
                int type = compound.packetType();
                int at = compound.packetOffset();
                int length = compound.packetLength();
                if (type == RtcpHeader.PT_PSFB && compound.count() == PictureLossIndication.FMT) {
                    pli.wrap(buf, at, length);
                    keyframeWanted(pli.mediaSsrc());
                } else if (type == RtcpHeader.PT_PSFB && compound.count() == FullIntraRequest.FMT) {
                    fir.wrap(buf, at, length);
                    for (int i = 0; i < fir.entryCount(); i++) {
                        keyframeWanted(fir.entrySsrc(i));
                    }
                } else if (type == RtcpHeader.PT_RTPFB && compound.count() == GenericNack.FMT) {
                    nack.wrap(buf, at, length);
                    for (Publication p : live) {
                        if (p.owns(nack.mediaSsrc())) {
                            for (int seq = nack.nextLost(); seq >= 0; seq = nack.nextLost()) {
                                p.resend(nack.mediaSsrc(), seq);
                            }
                        }
                    }
                } else if (type == RtcpHeader.PT_RR || type == RtcpHeader.PT_SR) {
                    ReportPacket report = type == RtcpHeader.PT_RR ? rr : sr;
                    report.wrap(buf, at, length);
                    for (int i = 0; i < report.reportCount(); i++) {
                        report.reportBlock(i, block);
                        for (Publication p : live) {
                            if (p.owns(block.ssrc())) {
                                p.onReportBlock(block);
                            }
                        }
                    }
                }
            }
        } catch (WireFormatException e) {
            LOG.debug("room {}: unreadable RTCP from the server dropped: {}", session.roomID(), e.getMessage());
        }
    }

    private void keyframeWanted(long ssrc) {
        for (Publication p : live) {
            if (p.owns(ssrc)) {
                p.source.requestKeyframe();
            }
        }
    }
}
