package io.parley.sdk.media;

import io.parley.wire.WireFormatException;
import io.parley.wire.rtp.RtpPacket;
import java.util.EnumMap;
import java.util.Map;

/**
 * A sink for load: counts each played track's packets and bytes, its losses from gaps in the RTP
 * sequence numbers (extended over wraps and tolerant of reordering, RFC 3550 §6.4.1 and
 * Appendix A.3: expected minus received), its late (reordered) packets, the arrival of its first
 * packet (join time), and the one-way delay of every packet that carries a {@link SyntheticPayload}
 * into a {@link DelayHistogram}. {@link #snapshot()} may be called from any thread while packets
 * arrive; snapshots of many sinks {@link Snapshot#merge merge} into one.
 */
public final class CountingSink implements MediaSink {
    private final Map<MediaKind, Track> tracks = new EnumMap<>(MediaKind.class);
    private final DelayHistogram delays = new DelayHistogram();
    private final RtpPacket view = new RtpPacket();
    private long malformed;

    public CountingSink() {
        for (MediaKind kind : MediaKind.values()) {
            tracks.put(kind, new Track());
        }
    }

    @Override
    public void onRtp(MediaKind kind, byte[] packet, int offset, int length, long arrivalNanos) {
        synchronized (this) {
            try {
                view.wrap(packet, offset, length);
            } catch (WireFormatException e) {
                malformed++;
                return;
            }
            tracks.get(kind).count(view.sequenceNumber(), view.payloadLength(), arrivalNanos);
            int end = view.payloadOffset() + view.payloadLength();
            if (SyntheticPayload.isPresent(packet, view.payloadOffset(), end)) {
                delays.record((arrivalNanos - SyntheticPayload.sendNanos(packet, end)) / 1_000);
            }
        }
    }

    /** The counts so far, over both kinds. */
    public Snapshot snapshot() {
        synchronized (this) {
            Snapshot s = Snapshot.empty();
            for (MediaKind kind : MediaKind.values()) {
                s = s.merge(trackSnapshot(kind, null));
            }
            return new Snapshot(s.packets(), s.bytes(), s.lost(), s.late(), malformed, s.firstPacketNanos(),
                    delays.copy());
        }
    }

    /** The counts so far of one kind; its delay histogram is empty (delays are kept per sink). */
    public Snapshot snapshot(MediaKind kind) {
        synchronized (this) {
            return trackSnapshot(kind, new DelayHistogram());
        }
    }

    private Snapshot trackSnapshot(MediaKind kind, DelayHistogram histogram) {
        Track t = tracks.get(kind);
        return new Snapshot(t.packets, t.bytes, t.lost(), t.late, 0, t.packets == 0 ? 0 : t.firstArrival,
                histogram == null ? new DelayHistogram() : histogram);
    }

    /** Adds this sink's delays to {@code target}, e.g. one histogram for a whole load run. */
    public void mergeInto(DelayHistogram target) {
        delays.mergeInto(target);
    }

    /**
     * Counts at one moment.
     *
     * @param packets          RTP packets received
     * @param bytes            RTP payload bytes received
     * @param lost             packets expected from the sequence numbers and never received (never negative)
     * @param late             packets that arrived after a later one (reordered)
     * @param malformed        datagrams that did not parse as RTP
     * @param firstPacketNanos {@link System#nanoTime()} of the first packet, 0 when none has come
     * @param delays           one-way delays of synthetic packets, µs
     */
    public record Snapshot(long packets, long bytes, long lost, long late, long malformed, long firstPacketNanos,
                           DelayHistogram delays) {
        /** Nothing counted. */
        public static Snapshot empty() {
            return new Snapshot(0, 0, 0, 0, 0, 0, new DelayHistogram());
        }

        /** The sum of this and {@code other}; the first packet is the earlier one. */
        public Snapshot merge(Snapshot other) {
            DelayHistogram h = delays.copy();
            other.delays.mergeInto(h);
            long first = firstPacketNanos == 0 ? other.firstPacketNanos
                    : other.firstPacketNanos == 0 ? firstPacketNanos
                    : (firstPacketNanos - other.firstPacketNanos < 0 ? firstPacketNanos : other.firstPacketNanos);
            return new Snapshot(packets + other.packets, bytes + other.bytes, lost + other.lost, late + other.late,
                    malformed + other.malformed, first, h);
        }

        /** Lost over expected, 0 to 1. */
        public double lossRatio() {
            long expected = packets + lost;
            return expected == 0 ? 0 : (double) lost / expected;
        }

        /** The median one-way delay, µs. */
        public long p50Micros() {
            return delays.percentileMicros(50);
        }

        /** The 99th percentile one-way delay, µs. */
        public long p99Micros() {
            return delays.percentileMicros(99);
        }

        /** The largest one-way delay, µs. */
        public long maxMicros() {
            return delays.maxMicros();
        }
    }

    /** One track's sequence accounting (RFC 3550 Appendix A.1 and A.3, without probation). */
    private static final class Track {
        long packets;
        long bytes;
        long late;
        long firstArrival;
        long baseSequence;
        long highestSequence = -1;

        void count(int sequence, int payloadBytes, long arrivalNanos) {
            if (packets == 0) {
                firstArrival = arrivalNanos;
                baseSequence = sequence;
                highestSequence = sequence;
            } else {
                long extended = extend(sequence);
                if (extended > highestSequence) {
                    highestSequence = extended;
                } else {
                    late++;
                    // A packet from before the first one to arrive: the range expected grows back.
                    baseSequence = Math.min(baseSequence, extended);
                }
            }
            packets++;
            bytes += payloadBytes;
        }

        /** The 16-bit sequence number widened to the value nearest the highest seen. */
        private long extend(int sequence) {
            long candidate = (highestSequence & ~0xFFFFL) | sequence;
            if (candidate - highestSequence > 0x8000) {
                candidate -= 0x10000;
            } else if (highestSequence - candidate > 0x8000) {
                candidate += 0x10000;
            }
            return candidate;
        }

        long lost() {
            return packets == 0 ? 0 : Math.max(0, highestSequence - baseSequence + 1 - packets);
        }
    }
}
