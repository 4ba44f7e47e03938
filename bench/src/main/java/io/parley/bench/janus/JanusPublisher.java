package io.parley.bench.janus;

import io.parley.sdk.media.FrameOutput;
import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.MediaSource;
import io.parley.sdk.media.PacketOutput;
import io.parley.sdk.media.RtpPacketizer;
import io.parley.transport.MediaClient;
import io.parley.transport.MediaTransport;
import io.parley.transport.dtls.DtlsRole;
import io.parley.wire.sdp.Setup;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link MediaSource} published into a Janus VideoRoom: joins the room as a publisher, offers
 * one sendonly m-section per kind of the source, takes Janus's answer, connects our transport
 * (controlling ICE, DTLS server) and then packetizes each frame with {@link RtpPacketizer} and
 * sends it at once. A PLI or FIR from Janus (RFC 4585 §6.3.1, RFC 5104 §4.3.1) asks the source
 * for a key frame.
 */
public final class JanusPublisher implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** RTP payload bytes per packet: a 1,200-byte budget less RTP, extension and SRTP overhead. */
    static final int MAX_PAYLOAD = 1100;

    private final JanusHandle handle;
    private final MediaTransport transport;
    private final MediaSource source;
    private final long feedId;
    private final Map<MediaKind, RtpPacketizer> packetizers;
    private final LongAdder sendFailures = new LongAdder();
    private final LongAdder keyframeRequests = new LongAdder();

    private JanusPublisher(JanusHandle handle, MediaTransport transport, MediaSource source, long feedId,
                           Map<MediaKind, RtpPacketizer> packetizers) {
        this.handle = handle;
        this.transport = transport;
        this.source = source;
        this.feedId = feedId;
        this.packetizers = packetizers;
    }

    /**
     * Joins {@code room} as {@code display}, publishes {@code source} and starts it on {@code pacer}
     * once the transport is connected. Blocks until then.
     */
    public static JanusPublisher publish(JanusClient client, MediaClient media, long room, String display,
                                         MediaSource source, ScheduledExecutorService pacer) throws JanusException {
        JanusHandle handle = JanusClient.await(client.attach(JanusVideoRoom.PLUGIN));
        MediaTransport transport = null;
        try {
            long feed = JanusVideoRoom.feedId(JanusClient.await(handle.message(JanusVideoRoom.joinPublisher(room, display), null)));
            List<JanusSdp.PublishTrack> tracks = new ArrayList<>();
            Map<MediaKind, RtpPacketizer> packetizers = new EnumMap<>(MediaKind.class);
            for (MediaKind kind : MediaKind.values()) {
                if (source.kinds().contains(kind)) {
                    String mid = String.valueOf(tracks.size());
                    int pt = kind == MediaKind.AUDIO ? JanusSdp.OPUS_PT : JanusSdp.VP8_PT;
                    long ssrc = RANDOM.nextInt() & 0xFFFF_FFFFL;
                    tracks.add(new JanusSdp.PublishTrack(kind, mid, pt, ssrc));
                    packetizers.put(kind, new RtpPacketizer(kind, ssrc, pt, MAX_PAYLOAD).withMid(JanusSdp.MID_EXTENSION_ID, mid));
                }
            }
            KeyframeListener listener = new KeyframeListener(source);
            transport = media.createTransport(listener, DtlsRole.SERVER);
            String offer = JanusSdp.publisherOffer(JanusSdp.LocalSide.of(transport), tracks, client.sessionId());
            JanusReply answer = JanusClient.await(handle.message(JanusVideoRoom.publish(), new JanusReply.Jsep("offer", offer)));
            JanusSdp.RemoteSide remote = JanusSdp.remote(JanusSdp.parse(JanusVideoRoom.jsep(answer, "answer").sdp()));
            String what = "publisher " + feed + " of room " + room;
            CompletableFuture<Void> up = JanusPeer.webrtcUp(handle, what);
            JanusClient.await(handle.trickleCompleted());
            JanusPeer.start(transport, remote, Setup.ACTIVE);
            JanusPeer.awaitConnected(listener, transport);
            JanusPeer.awaitUp(up, what);
            JanusPublisher p = new JanusPublisher(handle, transport, source, feed, packetizers);
            listener.publisher = p;
            source.start(p.output(), pacer);
            return p;
        } catch (JanusException | RuntimeException e) {
            if (transport != null) {
                transport.close();
            }
            handle.detach();
            throw e;
        }
    }

    /** The VideoRoom feed id subscribers name. */
    public long feedId() {
        return feedId;
    }

    public MediaTransport transport() {
        return transport;
    }

    /** RTP packets sent, all kinds. */
    public long packetsSent() {
        long n = 0;
        for (RtpPacketizer p : packetizers.values()) {
            n += p.packetsSent();
        }
        return n;
    }

    /** Packets the transport refused (not connected, or closed). */
    public long sendFailures() {
        return sendFailures.sum();
    }

    /** PLI and FIR messages Janus sent. */
    public long keyframeRequests() {
        return keyframeRequests.sum();
    }

    private FrameOutput output() {
        PacketOutput send = (buf, off, len) -> {
            if (!transport.sendRtp(buf, off, len)) {
                sendFailures.increment();
            }
        };
        return (kind, data, off, len, ts, keyframe) -> {
            RtpPacketizer p = packetizers.get(kind);
            if (p != null) {
                p.packetize(data, off, len, ts, keyframe, send);
            }
        };
    }

    /** Stops the source, closes the transport and leaves the room. */
    @Override
    public void close() {
        source.stop();
        JanusClient.awaitQuietly(handle.detach());
        transport.close();
    }

    /** Connection events, and Janus's key frame requests for the source. */
    private static final class KeyframeListener extends JanusPeer.ConnectionListener {
        private final MediaSource source;
        volatile JanusPublisher publisher;

        KeyframeListener(MediaSource source) {
            this.source = source;
        }

        @Override
        public void onRtp(byte[] buf, int off, int len) {
            // Janus sends nothing on a sendonly publisher connection.
        }

        @Override
        public void onRtcp(byte[] buf, int off, int len) {
            if (RtcpFeedback.asksForKeyframe(buf, off, len)) {
                JanusPublisher p = publisher;
                if (p != null) {
                    p.keyframeRequests.increment();
                }
                source.requestKeyframe();
            }
        }
    }
}
