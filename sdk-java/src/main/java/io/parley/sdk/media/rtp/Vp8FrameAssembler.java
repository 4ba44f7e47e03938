package io.parley.sdk.media.rtp;

import io.parley.wire.WireFormatException;
import io.parley.wire.codec.Vp8PayloadDescriptor;
import io.parley.wire.rtp.RtpPacket;
import java.util.Arrays;

/**
 * Joins the RTP packets of a VP8 stream back into frames (RFC 7741 §4): a frame is the packets from
 * one whose descriptor has S=1 and PID=0 up to the next with the marker bit, in unbroken sequence
 * and all with the same timestamp; their payloads after the descriptors, joined, are the frame.
 * Packets may come out of order within a reorder window: the assembler holds them in a ring and
 * waits. A packet still missing when one {@code reorderWindow} packets later has arrived is lost,
 * and the frame it belonged to is dropped and counted, never handed on broken. Packets older than
 * what was handed on are late and ignored.
 *
 * <p>Slots keep their arrays between frames, so steady operation does not allocate. One thread at
 * a time (the transport's event loop).
 */
public final class Vp8FrameAssembler {
    /** Where whole frames go; {@code data} is valid during the call only. */
    @FunctionalInterface
    public interface FrameListener {
        void frame(byte[] data, int offset, int length, long rtpTimestamp, boolean keyframe);
    }

    private static final int RING = 1024;

    private final int reorderWindow;
    private final FrameListener listener;
    private final Vp8PayloadDescriptor descriptor = new Vp8PayloadDescriptor();
    private final byte[][] data = new byte[RING][];
    private final int[] length = new int[RING];
    private final long[] sequence = new long[RING];
    private final long[] timestamp = new long[RING];
    private final boolean[] marker = new boolean[RING];
    private final boolean[] start = new boolean[RING];
    private final boolean[] keyframe = new boolean[RING];
    private final boolean[] present = new boolean[RING];
    private final boolean[] filler = new boolean[RING];
    private byte[] frame = new byte[64 * 1024];
    private boolean initialized;
    /** Nothing handed on or dropped yet: the first packet to arrive need not be the first sent. */
    private boolean fresh = true;
    private long head;
    private long highest;
    private long framesOut;
    private long framesDropped;
    private long packetsLate;
    private long packetsMalformed;

    /**
     * @param reorderWindow how many packets past a gap to wait for it, 1-512
     */
    public Vp8FrameAssembler(int reorderWindow, FrameListener listener) {
        if (reorderWindow < 1 || reorderWindow > RING / 2) {
            throw new IllegalArgumentException("reorder window must be 1-" + RING / 2 + ": " + reorderWindow);
        }
        this.reorderWindow = reorderWindow;
        this.listener = listener;
    }

    /** Takes one RTP packet of the stream; whole frames it completes go to the listener at once. */
    public void onPacket(RtpPacket packet) {
        // A packet of padding alone (RFC 3550 §5.1; senders probe bandwidth with them) takes a
        // sequence number but belongs to no frame: it is held as filler, so its number is no gap.
        boolean isFiller = packet.payloadLength() == 0;
        if (!isFiller) {
            try {
                descriptor.wrap(packet.buffer(), packet.payloadOffset(), packet.payloadLength());
            } catch (WireFormatException e) {
                packetsMalformed++;
                return;
            }
        }
        long ext;
        if (!initialized) {
            initialized = true;
            ext = packet.sequenceNumber();
            head = ext;
            highest = ext;
        } else {
            ext = extend(packet.sequenceNumber());
        }
        if (ext < head) {
            if (!fresh || highest - ext >= RING) {
                packetsLate++;
                return;
            }
            head = ext; // before the first frame, an earlier packet moves the start back
        }
        if (ext - highest >= RING) { // a jump past everything held (a restarted sender): start over there
            if (head <= highest) {
                framesDropped++;
            }
            Arrays.fill(present, false);
            head = ext;
            highest = ext;
        }
        while (ext - head >= RING) { // so far ahead that the ring must let go of the oldest
            dropFrameAtHead();
        }
        int s = (int) (ext & (RING - 1));
        if (present[s]) {
            return; // a duplicate (e.g. a retransmission that raced the original)
        }
        int payloadLength = isFiller ? 0 : descriptor.payloadLength();
        if (data[s] == null || data[s].length < payloadLength) {
            data[s] = new byte[Math.max(1500, payloadLength)];
        }
        if (!isFiller) {
            System.arraycopy(packet.buffer(), descriptor.payloadOffset(), data[s], 0, payloadLength);
        }
        length[s] = payloadLength;
        sequence[s] = ext;
        timestamp[s] = packet.timestamp();
        filler[s] = isFiller;
        marker[s] = !isFiller && packet.marker();
        start[s] = !isFiller && descriptor.startOfPartition() && descriptor.partitionIndex() == 0;
        keyframe[s] = start[s] && descriptor.isKeyframe();
        present[s] = true;
        if (ext > highest) {
            highest = ext;
        }
        assemble();
    }

    private long extend(int seq) {
        long candidate = (highest & ~0xFFFFL) | seq;
        if (candidate - highest > 0x8000) {
            candidate -= 0x10000;
        } else if (highest - candidate > 0x8000) {
            candidate += 0x10000;
        }
        return candidate;
    }

    private int slot(long ext) {
        return (int) (ext & (RING - 1));
    }

    private void assemble() {
        while (head <= highest) {
            int h = slot(head);
            if (!present[h]) {
                if (highest - head < reorderWindow) {
                    return; // it may still come
                }
                dropFrameAtHead();
                continue;
            }
            if (filler[h]) {
                present[h] = false; // padding between frames: nothing lost
                head++;
                continue;
            }
            if (!start[h]) {
                if (fresh && highest - head < reorderWindow) {
                    return; // the frame's first packet may still come
                }
                dropFrameAtHead(); // its frame began before what we hold
                continue;
            }
            long end = head;
            boolean broken = false;
            while (true) {
                int e = slot(end);
                if (!present[e]) {
                    if (highest - end < reorderWindow) {
                        return;
                    }
                    broken = true;
                    break;
                }
                if (end != head && (start[e] || filler[e] || timestamp[e] != timestamp[h])) {
                    broken = true; // the next frame began: this one's last packet is lost
                    break;
                }
                if (marker[e]) {
                    break;
                }
                if (end == highest) {
                    return;
                }
                end++;
            }
            if (broken) {
                dropFrameAtHead();
                continue;
            }
            emit(head, end);
        }
    }

    private void emit(long from, long to) {
        fresh = false;
        int total = 0;
        for (long i = from; i <= to; i++) {
            total += length[slot(i)];
        }
        if (frame.length < total) {
            frame = Arrays.copyOf(frame, Math.max(total, frame.length * 2));
        }
        int at = 0;
        for (long i = from; i <= to; i++) {
            int s = slot(i);
            System.arraycopy(data[s], 0, frame, at, length[s]);
            at += length[s];
            present[s] = false;
        }
        int first = slot(from);
        head = to + 1;
        framesOut++;
        listener.frame(frame, 0, total, timestamp[first], keyframe[first]);
    }

    /** Drops the frame at the head: its packets up to the next frame's first one we hold. */
    private void dropFrameAtHead() {
        fresh = false;
        framesDropped++;
        present[slot(head)] = false;
        head++;
        while (head <= highest) {
            int s = slot(head);
            if (present[s] && start[s]) {
                return;
            }
            present[s] = false;
            head++;
        }
    }

    /** Frames handed on whole. */
    public long framesOut() {
        return framesOut;
    }

    /** Frames dropped because a packet of theirs was lost. */
    public long framesDropped() {
        return framesDropped;
    }

    /** Packets that came after their place was passed. */
    public long packetsLate() {
        return packetsLate;
    }

    /** Packets whose VP8 payload descriptor did not parse. */
    public long packetsMalformed() {
        return packetsMalformed;
    }
}
