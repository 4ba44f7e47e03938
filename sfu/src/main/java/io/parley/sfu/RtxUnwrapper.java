package io.parley.sfu;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;
import io.parley.wire.rtp.RtpExtensionCursor;
import io.parley.wire.rtp.RtpHeaderWriter;
import io.parley.wire.rtp.RtpPacket;

/**
 * Turns a publisher's RTX packet (RFC 4588 §4: own SSRC and numbering, the original sequence
 * number first in the payload) back into the original packet of the media stream, so that a
 * retransmission the SFU asked for fills the gap in the cache and reaches the players like any
 * other packet. Reuses one buffer, writer and view.
 */
final class RtxUnwrapper {
    private static final int OSN_LENGTH = 2;

    private final RtpHeaderWriter writer = new RtpHeaderWriter(32);
    private final RtpExtensionCursor cursor = new RtpExtensionCursor();
    private final RtpPacket original = new RtpPacket();
    private final byte[] buffer = new byte[PacketCache.MAX_PACKET + 64];

    /**
     * The original packet of {@code rtx} on {@code mediaSsrc} with {@code payloadType}, or null when
     * {@code rtx} carries no original (a padding-only bandwidth probe) or does not fit.
     */
    RtpPacket unwrap(RtpPacket rtx, long mediaSsrc, int payloadType) {
        if (rtx.payloadLength() < OSN_LENGTH) {
            return null;
        }
        int osn = Bytes.u16(rtx.buffer(), rtx.payloadOffset());
        writer.reset().marker(rtx.marker()).payloadType(payloadType).sequenceNumber(osn).timestamp(rtx.timestamp())
                .ssrc(mediaSsrc);
        for (int i = 0; i < rtx.csrcCount(); i++) {
            writer.csrc(rtx.csrc(i));
        }
        if (rtx.hasExtension()) {
            cursor.reset(rtx);
            for (int n = 0; cursor.next() && n < 31; n++) {
                writer.extension(cursor.id(), rtx.buffer(), cursor.valueOffset(), cursor.valueLength());
            }
        }
        int payload = rtx.payloadLength() - OSN_LENGTH;
        if (writer.headerLength() + payload > buffer.length) {
            return null;
        }
        int at = writer.writeTo(buffer, 0);
        System.arraycopy(rtx.buffer(), rtx.payloadOffset() + OSN_LENGTH, buffer, at, payload);
        try {
            return original.wrap(buffer, 0, at + payload);
        } catch (WireFormatException e) {
            // The writer only writes valid headers; a failure here is a bug, not input.
            throw new IllegalStateException("RTX unwrap wrote an invalid packet", e);
        }
    }
}
