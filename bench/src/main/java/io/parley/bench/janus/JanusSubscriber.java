package io.parley.bench.janus;

import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.MediaSink;
import io.parley.transport.MediaClient;
import io.parley.transport.MediaTransport;
import io.parley.transport.dtls.DtlsRole;
import io.parley.wire.sdp.SessionDescription;
import io.parley.wire.sdp.Setup;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * One feed of a Janus VideoRoom played into a {@link MediaSink}: joins as a subscriber to the
 * feed, answers Janus's offer ({@code a=setup:passive}: our transport is the DTLS server),
 * starts, connects, and hands every decrypted RTP packet to the sink with its kind, read from
 * the payload types of Janus's offer, on the transport's event loop.
 */
public final class JanusSubscriber implements AutoCloseable {

    private final JanusHandle handle;
    private final MediaTransport transport;
    private final MediaSink sink;
    private final SinkListener listener;

    private JanusSubscriber(JanusHandle handle, MediaTransport transport, MediaSink sink, SinkListener listener) {
        this.handle = handle;
        this.transport = transport;
        this.sink = sink;
        this.listener = listener;
    }

    /** Subscribes to {@code feed} of {@code room} and blocks until media can flow. */
    public static JanusSubscriber subscribe(JanusClient client, MediaClient media, long room, long feed, MediaSink sink)
            throws JanusException {
        JanusHandle handle = JanusClient.await(client.attach(JanusVideoRoom.PLUGIN));
        MediaTransport transport = null;
        try {
            JanusReply attached = JanusClient.await(handle.message(JanusVideoRoom.joinSubscriber(room, feed), null));
            SessionDescription offer = JanusSdp.parse(JanusVideoRoom.jsep(attached, "offer").sdp());
            JanusSdp.RemoteSide remote = JanusSdp.remote(offer);
            SinkListener listener = new SinkListener(sink, Map.copyOf(remote.payloadKinds()));
            transport = media.createTransport(listener, DtlsRole.SERVER);
            String answer = JanusSdp.subscriberAnswer(offer, JanusSdp.LocalSide.of(transport), client.sessionId());
            String what = "the subscription to feed " + feed + " of room " + room;
            CompletableFuture<Void> up = JanusPeer.webrtcUp(handle, what);
            JanusClient.await(handle.message(JanusVideoRoom.start(), new JanusReply.Jsep("answer", answer)));
            JanusClient.await(handle.trickleCompleted());
            JanusPeer.start(transport, remote, Setup.ACTPASS, Setup.ACTIVE);
            JanusPeer.awaitConnected(listener, transport);
            JanusPeer.awaitUp(up, what);
            return new JanusSubscriber(handle, transport, sink, listener);
        } catch (JanusException | RuntimeException e) {
            if (transport != null) {
                transport.close();
            }
            handle.detach();
            throw e;
        }
    }

    public MediaTransport transport() {
        return transport;
    }

    /** RTP packets whose payload type Janus's offer did not name, dropped. */
    public long unknownPayloadTypes() {
        return listener.unknown.sum();
    }

    /** Closes the transport, leaves the room, and closes the sink. */
    @Override
    public void close() {
        // Leave first, so Janus stops sending before our port forgets its address.
        JanusClient.awaitQuietly(handle.detach());
        transport.close();
        sink.close();
    }

    private static final class SinkListener extends JanusPeer.ConnectionListener {
        private final MediaSink sink;
        private final Map<Integer, MediaKind> kinds;
        final LongAdder unknown = new LongAdder();

        SinkListener(MediaSink sink, Map<Integer, MediaKind> kinds) {
            this.sink = sink;
            this.kinds = kinds;
        }

        @Override
        public void onRtp(byte[] buf, int off, int len) {
            long now = System.nanoTime();
            MediaKind kind = len >= 12 ? kinds.get(buf[off + 1] & 0x7F) : null;
            if (kind == null) {
                unknown.increment();
                return;
            }
            sink.onRtp(kind, buf, off, len, now);
        }

        @Override
        public void onRtcp(byte[] buf, int off, int len) {
            // Janus's sender reports: the counting sink measures from the payload's own send times.
        }
    }
}
