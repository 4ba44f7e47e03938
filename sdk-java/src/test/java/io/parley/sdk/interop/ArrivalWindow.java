package io.parley.sdk.interop;

import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.MediaSink;
import java.util.EnumMap;
import java.util.Map;

/**
 * A sink in front of another that notes, per kind, how many packets arrived, between which instants,
 * and which span of RTP time (RFC 3550 §5.1) they covered: how long a recording lasted by the wall
 * clock and by the media's own clock, to judge its frame count by.
 */
final class ArrivalWindow implements MediaSink {
    private final MediaSink next;
    private final Map<MediaKind, Track> tracks = new EnumMap<>(MediaKind.class);

    private static final class Track {
        long packets;
        long firstNanos;
        long lastNanos;
        long firstTimestamp;
        long timestampSpan; // RTP ticks from the first packet to the latest, modulo 2^32
    }

    ArrivalWindow(MediaSink next) {
        this.next = next;
    }

    @Override
    public void onRtp(MediaKind kind, byte[] packet, int offset, int length, long arrivalNanos) {
        if (length >= 12) {
            long timestamp = ((packet[offset + 4] & 0xFFL) << 24) | ((packet[offset + 5] & 0xFF) << 16)
                    | ((packet[offset + 6] & 0xFF) << 8) | (packet[offset + 7] & 0xFF);
            synchronized (tracks) {
                Track t = tracks.get(kind);
                if (t == null) {
                    t = new Track();
                    t.firstNanos = arrivalNanos;
                    t.firstTimestamp = timestamp;
                    tracks.put(kind, t);
                }
                t.packets++;
                t.lastNanos = arrivalNanos;
                long span = (timestamp - t.firstTimestamp) & 0xFFFF_FFFFL;
                if (span < 0x8000_0000L) { // later than the first, not a reordered earlier packet
                    t.timestampSpan = Math.max(t.timestampSpan, span);
                }
            }
        }
        next.onRtp(kind, packet, offset, length, arrivalNanos);
    }

    @Override
    public void close() {
        next.close();
    }

    /** Packets of {@code kind} so far. */
    long packets(MediaKind kind) {
        synchronized (tracks) {
            Track t = tracks.get(kind);
            return t == null ? 0 : t.packets;
        }
    }

    /** Wall-clock seconds from the first to the last packet of {@code kind}. */
    double seconds(MediaKind kind) {
        synchronized (tracks) {
            Track t = tracks.get(kind);
            return t == null ? 0 : (t.lastNanos - t.firstNanos) / 1e9;
        }
    }

    /** Seconds of media time the packets of {@code kind} covered, by their RTP timestamps. */
    double mediaSeconds(MediaKind kind) {
        synchronized (tracks) {
            Track t = tracks.get(kind);
            return t == null ? 0 : (double) t.timestampSpan / kind.clockRate();
        }
    }
}
