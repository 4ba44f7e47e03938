package io.parley.sdk.media;

/**
 * Where an {@link RtpPacketizer} hands each RTP packet it writes (RFC 3550 §5.1). The bytes are
 * valid only during the call: the packetizer reuses its one buffer for the next packet, so the
 * receiver copies or encrypts and sends them before returning.
 */
@FunctionalInterface
public interface PacketOutput {
    /** One whole RTP packet, header included, at {@code buf[offset, offset + length)}. */
    void packet(byte[] buf, int offset, int length);
}
