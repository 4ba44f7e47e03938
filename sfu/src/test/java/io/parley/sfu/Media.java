package io.parley.sfu;

import io.parley.wire.rtp.RtpHeaderWriter;

/** Builds publisher packets: Opus frames and VP8 keyframes and deltas (RFC 7741 §4.2 descriptor, §4.3 P bit). */
final class Media {
    static final int OPUS_PT = 111;
    static final int VP8_PT = 96;

    private Media() {
    }

    static byte[] opus(long ssrc, int seq, long ts) {
        return packet(new RtpHeaderWriter().ssrc(ssrc).payloadType(OPUS_PT).sequenceNumber(seq & 0xFFFF)
                .timestamp(ts), new byte[] {(byte) 0xFC, 1, 2, 3, (byte) seq});
    }

    static byte[] vp8(long ssrc, int seq, long ts, boolean keyframe) {
        // Descriptor: X=0, S=1, PID=0; then the VP8 payload header whose low bit P is 0 on a keyframe.
        return packet(new RtpHeaderWriter().ssrc(ssrc).payloadType(VP8_PT).sequenceNumber(seq & 0xFFFF)
                .timestamp(ts).marker(true), new byte[] {0x10, (byte) (keyframe ? 0x00 : 0x01), 7, 7, (byte) seq});
    }

    static byte[] packet(RtpHeaderWriter header, byte[] payload) {
        byte[] out = new byte[header.headerLength() + payload.length];
        int at = header.writeTo(out, 0);
        System.arraycopy(payload, 0, out, at, payload.length);
        return out;
    }
}
