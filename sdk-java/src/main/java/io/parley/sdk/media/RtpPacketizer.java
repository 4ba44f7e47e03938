package io.parley.sdk.media;

import io.parley.wire.codec.Vp8PayloadDescriptor;
import io.parley.wire.rtp.RtpHeaderWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Turns a track's encoded frames into RTP packets (RFC 3550 §5.1) for one SSRC: an Opus packet
 * becomes one RTP packet (RFC 7587 §4.2); a VP8 frame is split over as many packets as
 * {@code maxPayloadBytes} needs, each led by the RFC 7741 §4.2 payload descriptor with X=1, I=1 and
 * a 15-bit PictureID that grows by one per frame, S=1 and PID=0 on the frame's first packet and the
 * marker bit on its last (§4.1). With {@link #withMid} every packet carries the sdes:mid
 * (RFC 8843 §15) in an RFC 8285 §4.2 one-byte header extension.
 *
 * <p>The sequence number starts at a random value (RFC 3550 §5.1). One buffer is written again for
 * every packet, so {@link #packetize} allocates nothing. A packetizer belongs to one sending thread;
 * the counters for sender reports may be read from any thread.
 */
public final class RtpPacketizer {
    /** The longest Opus packet (RFC 6716 §3.2.1): 1275 bytes per frame plus framing. */
    public static final int MAX_OPUS_PACKET = 1275 * 3 + 7;
    private static final int VP8_DESCRIPTOR_LENGTH = 4;
    private static final int MAX_HEADER_LENGTH = 12 + 4 + 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MediaKind kind;
    private final long ssrc;
    private final int payloadType;
    private final int maxPayloadBytes;
    private final RtpHeaderWriter header = new RtpHeaderWriter(1);
    private final byte[] buf;
    private int sequenceNumber;
    private int pictureId;
    private int midExtensionId;
    private byte[] mid;
    private volatile long packetsSent;
    private volatile long octetsSent;
    private volatile long lastRtpTimestamp;
    private volatile long lastFrameNanos;

    /**
     * @param kind            AUDIO packetizes Opus, VIDEO packetizes VP8
     * @param ssrc            the track's SSRC (low 32 bits are used)
     * @param payloadType     the negotiated payload type, 0-127
     * @param maxPayloadBytes the most RTP payload bytes per packet (VP8 descriptor included), at least 64
     */
    public RtpPacketizer(MediaKind kind, long ssrc, int payloadType, int maxPayloadBytes) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if ((payloadType & ~0x7F) != 0) {
            throw new IllegalArgumentException("payload type must be 0-127: " + payloadType);
        }
        if (maxPayloadBytes < 64 || maxPayloadBytes > 65_000) {
            throw new IllegalArgumentException("maxPayloadBytes must be 64-65000: " + maxPayloadBytes);
        }
        this.ssrc = ssrc & 0xFFFF_FFFFL;
        this.payloadType = payloadType;
        this.maxPayloadBytes = maxPayloadBytes;
        this.buf = new byte[MAX_HEADER_LENGTH + Math.max(maxPayloadBytes, kind == MediaKind.AUDIO ? MAX_OPUS_PACKET : 0)];
        this.sequenceNumber = RANDOM.nextInt(1 << 16);
        this.pictureId = RANDOM.nextInt(1 << 15);
    }

    /**
     * Adds the sdes:mid header extension (RFC 8843 §15) to every packet, as the one-byte form of
     * RFC 8285 §4.2. Returns this packetizer.
     *
     * @param extensionId the id negotiated for {@code urn:ietf:params:rtp-hdrext:sdes:mid}, 1-14
     * @param mid         the m-section's mid, 1-16 ASCII characters
     */
    public RtpPacketizer withMid(int extensionId, String mid) {
        byte[] value = mid.getBytes(StandardCharsets.US_ASCII);
        if (extensionId < 1 || extensionId > 14) {
            throw new IllegalArgumentException("a one-byte header extension id is 1-14: " + extensionId);
        }
        if (value.length < 1 || value.length > 16) {
            throw new IllegalArgumentException("a mid in a one-byte header extension is 1-16 bytes: " + mid);
        }
        this.midExtensionId = extensionId;
        this.mid = value;
        return this;
    }

    /**
     * Writes the RTP packets of one frame and hands each to {@code out} before writing the next.
     *
     * @param rtpTimestamp the frame's timestamp in the kind's clock (low 32 bits are used)
     * @param keyframe     whether a VP8 frame is a key frame; the bytes say so too (RFC 7741 §4.3),
     *                     so this only documents the caller's intent
     * @return the number of packets written
     * @throws IllegalArgumentException when an Opus packet exceeds the payload room, or the frame is empty
     */
    public int packetize(byte[] frame, int offset, int length, long rtpTimestamp, boolean keyframe, PacketOutput out) {
        Objects.checkFromIndexSize(offset, length, frame.length);
        if (length == 0) {
            throw new IllegalArgumentException("an empty frame has no RTP packet");
        }
        lastRtpTimestamp = rtpTimestamp & 0xFFFF_FFFFL;
        lastFrameNanos = System.nanoTime();
        if (kind == MediaKind.AUDIO) {
            if (length > buf.length - MAX_HEADER_LENGTH) {
                throw new IllegalArgumentException("Opus packet of " + length + " bytes does not fit one RTP packet");
            }
            send(frame, offset, length, rtpTimestamp, true, -1, out);
            return 1;
        }
        int room = maxPayloadBytes - VP8_DESCRIPTOR_LENGTH;
        int packets = (length + room - 1) / room;
        // Equal shares rather than full packets and a short tail: the same count, steadier sizes.
        int share = length / packets;
        int extra = length % packets;
        int at = offset;
        for (int i = 0; i < packets; i++) {
            int chunk = share + (i < extra ? 1 : 0);
            send(frame, at, chunk, rtpTimestamp, i == packets - 1, i == 0 ? 1 : 0, out);
            at += chunk;
        }
        pictureId = (pictureId + 1) & 0x7FFF;
        return packets;
    }

    /** Writes and hands on one packet; {@code vp8Start} is -1 for Opus, else 1 on a frame's first packet. */
    private void send(byte[] data, int offset, int length, long rtpTimestamp, boolean marker, int vp8Start,
                      PacketOutput out) {
        header.reset().payloadType(payloadType).ssrc(ssrc).timestamp(rtpTimestamp).marker(marker)
                .sequenceNumber(sequenceNumber);
        if (mid != null) {
            header.extension(midExtensionId, mid, 0, mid.length);
        }
        int headerLength = header.writeTo(buf, 0);
        int pos = headerLength;
        if (vp8Start >= 0) {
            pos += Vp8PayloadDescriptor.write(buf, pos, false, vp8Start == 1, 0, pictureId, true,
                    Vp8PayloadDescriptor.NONE, Vp8PayloadDescriptor.NONE, false, Vp8PayloadDescriptor.NONE);
        }
        System.arraycopy(data, offset, buf, pos, length);
        int end = pos + length;
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        packetsSent++;
        octetsSent += end - headerLength;
        out.packet(buf, 0, end);
    }

    /** Packets written so far (RFC 3550 §6.4.1 sender's packet count). */
    public long packetsSent() {
        return packetsSent;
    }

    /** RTP payload octets written so far, descriptors included (RFC 3550 §6.4.1 sender's octet count). */
    public long octetsSent() {
        return octetsSent;
    }

    /** The timestamp of the last frame packetized, for a sender report's RTP timestamp. */
    public long lastRtpTimestamp() {
        return lastRtpTimestamp;
    }

    /**
     * {@link System#nanoTime()} when the last frame was packetized, 0 before the first: a sender
     * report's RTP timestamp is {@link #lastRtpTimestamp()} plus the clock ticks since then
     * (RFC 3550 §6.4.1).
     */
    public long lastFrameNanos() {
        return lastFrameNanos;
    }

    /** This track's SSRC. */
    public long ssrc() {
        return ssrc;
    }

    /** The kind of frames this packetizer takes. */
    public MediaKind kind() {
        return kind;
    }

    /** The sequence number the next packet will carry. */
    public int nextSequenceNumber() {
        return sequenceNumber;
    }
}
