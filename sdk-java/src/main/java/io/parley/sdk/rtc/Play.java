package io.parley.sdk.rtc;

import io.parley.sdk.PlayStreamQuality;
import io.parley.sdk.PlayerState;
import io.parley.sdk.StreamQualityLevel;
import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.MediaSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream this engine plays: its sink, its state, and what its packets say (RFC 3550 §6.4.1
 * reception statistics per track, for receiver reports and ZEGO's quality report). Packets come
 * on the port's event loop; {@link #close} may come from the engine's loop, so delivery and
 * closing take the play's lock (never contended in steady state).
 */
final class Play {
    private static final Logger LOG = LoggerFactory.getLogger(Play.class);

    final String streamID;
    private final MediaSink sink;
    final ReceiveStats audio = new ReceiveStats();
    final ReceiveStats video = new ReceiveStats();
    PlayerState state = PlayerState.NO_PLAY;
    private boolean closed;
    private long qualityAtNanos = System.nanoTime();
    private long qualityAudioBytes;
    private long qualityVideoBytes;
    private long qualityAudioFrames;
    private long qualityVideoFrames;
    private long qualityExpected;
    private long qualityReceived;

    Play(String streamID, MediaSink sink) {
        this.streamID = streamID;
        this.sink = sink;
    }

    /**
     * Hands one packet to the sink; returns true when it is the first of its kind (for
     * onPlayerRecvAudio/VideoFirstFrame).
     */
    synchronized boolean deliver(MediaKind kind, byte[] buf, int off, int len, long arrivalNanos) {
        if (closed) {
            return false;
        }
        ReceiveStats stats = kind == MediaKind.AUDIO ? audio : video;
        boolean first = stats.received(buf, off, len, arrivalNanos);
        try {
            sink.onRtp(kind, buf, off, len, arrivalNanos);
        } catch (RuntimeException e) {
            LOG.warn("play {}: the sink threw", streamID, e);
        }
        return first;
    }

    /** Closes the sink once; no packet reaches it afterwards. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.warn("play {}: the sink failed to close", streamID, e);
        }
    }

    synchronized boolean closed() {
        return closed;
    }

    /** The quality since the last call. */
    synchronized PlayStreamQuality quality() {
        long now = System.nanoTime();
        double seconds = Math.max(0.001, (now - qualityAtNanos) / 1e9);
        qualityAtNanos = now;
        long aBytes = audio.bytes();
        long vBytes = video.bytes();
        long aFrames = audio.frames();
        long vFrames = video.frames();
        long expected = audio.expected() + video.expected();
        long received = audio.packets() + video.packets();
        long expectedNow = expected - qualityExpected;
        long receivedNow = received - qualityReceived;
        double loss = expectedNow <= 0 ? 0 : Math.max(0, (expectedNow - receivedNow) / (double) expectedNow);
        PlayStreamQuality q = new PlayStreamQuality((vFrames - qualityVideoFrames) / seconds,
                (vBytes - qualityVideoBytes) * 8 / 1000.0 / seconds, (aFrames - qualityAudioFrames) / seconds,
                (aBytes - qualityAudioBytes) * 8 / 1000.0 / seconds, 0, loss,
                StreamQualityLevel.of(receivedNow > 0, loss, 0), aBytes + vBytes);
        qualityAudioBytes = aBytes;
        qualityVideoBytes = vBytes;
        qualityAudioFrames = aFrames;
        qualityVideoFrames = vFrames;
        qualityExpected = expected;
        qualityReceived = received;
        return q;
    }
}
