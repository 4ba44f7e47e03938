package io.parley.sdk.rtc;

import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.PacketOutput;
import io.parley.sdk.media.RtpPacketizer;

/**
 * One published track on the wire: its {@link RtpPacketizer} (RFC 7587 Opus, RFC 7741 VP8, with
 * the sdes:mid extension), what the sender reports need (RFC 3550 §6.4.1: packets, octets, the RTP
 * timestamp of now), frames counted for the quality report, and for video the last
 * {@value #HISTORY} packets, kept to answer NACKs (RFC 4585 §6.2.1). The source's pacer thread
 * sends; the event loop resends; the timer reports: each takes the track's lock, never contended
 * for long.
 */
final class SentTrack {
    /** Video packets kept for retransmission: about half a second at 2 Mbit/s. */
    static final int HISTORY = 128;

    private final RtpPacketizer packetizer;
    private final PacketOutput out;
    private final PacketOutput keep;
    private final byte[][] history;
    private final int[] historyLength;
    private final int[] historySeq;
    private long frames;
    private long lastFrameNanos;

    SentTrack(RtpPacketizer packetizer, PacketOutput out) {
        this.packetizer = packetizer;
        this.out = out;
        int n = packetizer.kind() == MediaKind.VIDEO ? HISTORY : 0;
        history = new byte[n][];
        historyLength = new int[n];
        historySeq = new int[n];
        java.util.Arrays.fill(historySeq, -1);
        keep = (buf, off, len) -> {
            remember(buf, off, len);
            out.packet(buf, off, len);
        };
    }

    /** Packetizes and sends one frame. */
    synchronized void send(byte[] frame, int off, int len, long rtpTimestamp, boolean keyframe) {
        frames++;
        lastFrameNanos = System.nanoTime();
        packetizer.packetize(frame, off, len, rtpTimestamp, keyframe, history.length > 0 ? keep : out);
    }

    private void remember(byte[] buf, int off, int len) {
        int seq = ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
        int slot = seq % history.length;
        if (history[slot] == null || history[slot].length < len) {
            history[slot] = new byte[Math.max(len, 1300)];
        }
        System.arraycopy(buf, off, history[slot], 0, len);
        historyLength[slot] = len;
        historySeq[slot] = seq;
    }

    /** Sends packet {@code seq} again if it is still kept; returns whether it was. */
    synchronized boolean resend(int seq) {
        if (history.length == 0) {
            return false;
        }
        int slot = seq % history.length;
        if (historySeq[slot] != seq) {
            return false;
        }
        out.packet(history[slot], 0, historyLength[slot]);
        return true;
    }

    MediaKind kind() {
        return packetizer.kind();
    }

    long ssrc() {
        return packetizer.ssrc();
    }

    long packetsSent() {
        return packetizer.packetsSent();
    }

    long octetsSent() {
        return packetizer.octetsSent();
    }

    synchronized long frames() {
        return frames;
    }

    /** The RTP timestamp of now, extrapolated from the last frame's (the "RTP timestamp" of an SR). */
    synchronized long rtpTimestampNow() {
        long last = packetizer.lastRtpTimestamp();
        if (lastFrameNanos == 0) {
            return last;
        }
        long elapsed = System.nanoTime() - lastFrameNanos;
        return (last + elapsed * kind().clockRate() / 1_000_000_000L) & 0xFFFF_FFFFL;
    }
}
