package io.parley.wire.rtp;

/** Rebuilds a parsed packet from its fields with {@link RtpHeaderWriter}: the round trip of the tests and the fuzz target. */
final class RtpRoundTrip {
    private RtpRoundTrip() {
    }

    /** Writes {@code p} again into {@code out} at 0 and returns the packet length. */
    static int rewrite(RtpPacket p, RtpHeaderWriter writer, byte[] out) {
        byte[] in = p.buffer();
        writer.reset().marker(p.marker()).payloadType(p.payloadType()).sequenceNumber(p.sequenceNumber())
                .timestamp(p.timestamp()).ssrc(p.ssrc());
        for (int i = 0; i < p.csrcCount(); i++) {
            writer.csrc(p.csrc(i));
        }
        int profile = p.extensionProfile();
        if (profile >= 0 && !RtpExtensionCursor.isOneByte(profile) && !RtpExtensionCursor.isTwoByte(profile)) {
            writer.rawExtension(profile, in, p.extensionDataOffset(), p.extensionDataLength());
        }
        RtpExtensionCursor cursor = new RtpExtensionCursor().reset(p);
        while (cursor.next()) {
            writer.extension(cursor.id(), in, cursor.valueOffset(), cursor.valueLength());
        }
        int end = writer.writeTo(out, 0);
        System.arraycopy(in, p.payloadOffset(), out, end, p.payloadLength());
        end += p.payloadLength();
        return p.hasPadding() ? RtpHeaderWriter.addPadding(out, 0, end, p.paddingLength()) : end;
    }
}
