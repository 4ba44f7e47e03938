package io.parley.sfu;

import io.parley.wire.WireFormatException;
import io.parley.wire.codec.H264Payload;
import io.parley.wire.codec.Vp8PayloadDescriptor;
import io.parley.wire.rtp.RtpPacket;

/**
 * Tells whether an RTP packet starts a keyframe: VP8 by its payload descriptor (RFC 7741 §4.3),
 * H.264 by an IDR or SPS unit, alone, in a STAP-A or as the first FU-A fragment (RFC 6184 §5).
 * Holds one reusable view per codec so the receive path allocates nothing.
 */
final class KeyframeDetector {
    private final Vp8PayloadDescriptor vp8 = new Vp8PayloadDescriptor();
    private final H264Payload h264 = new H264Payload();

    boolean isKeyframe(Codec codec, RtpPacket packet) {
        if (packet.payloadLength() == 0) {
            return false;
        }
        try {
            switch (codec) {
                case VP8:
                    return vp8.wrap(packet.buffer(), packet.payloadOffset(), packet.payloadLength()).isKeyframe();
                case H264:
                    return h264.wrap(packet.buffer(), packet.payloadOffset(), packet.payloadLength()).isKeyframe();
                default:
                    return false;
            }
        } catch (WireFormatException e) {
            // A payload whose descriptor does not parse cannot start a picture a decoder can use.
            return false;
        }
    }
}
