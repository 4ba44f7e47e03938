package io.parley.sdk.rtc;

import io.parley.sdk.media.MediaKind;
import io.parley.wire.codec.Vp8PayloadDescriptor;
import io.parley.wire.rtp.RtpHeaderWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns one published track's frames into RTP packets (RFC 3550 §5.1): an Opus packet is one RTP
 * packet (RFC 7587 §4.2); a VP8 frame is split at {@code maxPayloadBytes} behind the RFC 7741 §4.2
 * payload descriptor with a 15-bit PictureID, S on the first packet and the marker on the last.
 * Every packet carries the sdes:mid header extension (RFC 8843 §15). The engine's own, with the
 * shape {@code sdk-media}'s {@code RtpPacketizer} promises, until that one lands. The last
 * {@value #HISTORY} packets are kept to answer NACKs (RFC 4585 §6.2.1). Not thread-safe: one
 * source calls it at a time.
 */
final class TrackPacketizer {
    /** Packets kept for retransmission: about half a second of video at 2 Mbit/s. */
    static final int HISTORY = 128;
    private static final int MTU = 1200;

    /** Where packets go. */
    @FunctionalInterface
    interface Output {
        void packet(byte[] buf, int off, int len);
    }

    private final MediaKind kind;
    private final long ssrc;
    private final int payloadType;
    private final int maxPayloadBytes;
    private final RtpHeaderWriter header = new RtpHeaderWriter(2);
    private final byte[] buf = new byte[MTU + 100];
    private final byte[][] history;
    private final int[] historyLength;
    private final int[] historySeq;
    private byte[] mid;
    private int midExtensionId;
    private int sequence = ThreadLocalRandom.current().nextInt(0x10000);
    private int pictureId = ThreadLocalRandom.current().nextInt(0x8000);
    private long packetsSent;
    private long octetsSent;
    private long lastRtpTimestamp;
    private long lastFrameNanos;
    private long frames;

    TrackPacketizer(MediaKind kind, long ssrc, int payloadType, int maxPayloadBytes) {
        this.kind = kind;
        this.ssrc = ssrc;
        this.payloadType = payloadType;
        this.maxPayloadBytes = Math.min(maxPayloadBytes, MTU);
        int n = kind == MediaKind.VIDEO ? HISTORY : 0;
        history = new byte[n][];
        historyLength = new int[n];
        historySeq = new int[n];
        java.util.Arrays.fill(historySeq, -1);
    }

    /** Adds the sdes:mid extension with this id and value to every packet. */
    TrackPacketizer withMid(int extensionId, String value) {
        this.midExtensionId = extensionId;
        this.mid = value.getBytes(StandardCharsets.US_ASCII);
        return this;
    }

    /** Packetizes one frame and hands each packet to {@code out}; returns the number of packets. */
    synchronized int packetize(byte[] frame, int off, int len, long rtpTimestamp, boolean keyframe, Output out) {
        lastRtpTimestamp = rtpTimestamp & 0xFFFF_FFFFL;
        lastFrameNanos = System.nanoTime();
        frames++;
        if (kind == MediaKind.AUDIO) {
            emit(frame, off, len, 0, null, true, out);
            return 1;
        }
        byte[] descriptor = new byte[6];
        int sent = 0;
        int at = off;
        int end = off + len;
        pictureId = (pictureId + 1) & 0x7FFF;
        do {
            int d = Vp8PayloadDescriptor.write(descriptor, 0, false, at == off, 0, pictureId, true,
                    Vp8PayloadDescriptor.NONE, Vp8PayloadDescriptor.NONE, false, Vp8PayloadDescriptor.NONE);
            int chunk = Math.min(end - at, maxPayloadBytes - d);
            emit(frame, at, chunk, d, descriptor, at + chunk >= end, out);
            at += chunk;
            sent++;
        } while (at < end);
        return sent;
    }

    private void emit(byte[] payload, int off, int len, int descriptorLength, byte[] descriptor, boolean marker,
                      Output out) {
        header.reset().marker(marker).payloadType(payloadType).sequenceNumber(sequence).timestamp(lastRtpTimestamp)
                .ssrc(ssrc);
        if (mid != null) {
            header.extension(midExtensionId, mid, 0, mid.length);
        }
        int h = header.writeTo(buf, 0);
        if (descriptorLength > 0) {
            System.arraycopy(descriptor, 0, buf, h, descriptorLength);
        }
        System.arraycopy(payload, off, buf, h + descriptorLength, len);
        int total = h + descriptorLength + len;
        remember(sequence, total);
        sequence = (sequence + 1) & 0xFFFF;
        packetsSent++;
        octetsSent += descriptorLength + len;
        out.packet(buf, 0, total);
    }

    private void remember(int seq, int length) {
        if (history.length == 0) {
            return;
        }
        int slot = seq % history.length;
        if (history[slot] == null) {
            history[slot] = new byte[buf.length];
        }
        System.arraycopy(buf, 0, history[slot], 0, length);
        historyLength[slot] = length;
        historySeq[slot] = seq;
    }

    /** Sends packet {@code seq} again if it is still kept; returns whether it was. */
    synchronized boolean resend(int seq, Output out) {
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
        return kind;
    }

    long ssrc() {
        return ssrc;
    }

    long packetsSent() {
        return packetsSent;
    }

    long octetsSent() {
        return octetsSent;
    }

    long frames() {
        return frames;
    }

    /** The RTP timestamp of now, extrapolated from the last frame's (RFC 3550 §6.4.1 "RTP timestamp" of an SR). */
    long rtpTimestampNow() {
        if (lastFrameNanos == 0) {
            return lastRtpTimestamp;
        }
        long elapsed = System.nanoTime() - lastFrameNanos;
        return (lastRtpTimestamp + elapsed * kind.clockRate() / 1_000_000_000L) & 0xFFFF_FFFFL;
    }
}
