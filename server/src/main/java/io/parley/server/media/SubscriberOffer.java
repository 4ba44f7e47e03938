package io.parley.server.media;

import io.parley.sfu.Codec;
import io.parley.transport.MediaTransport;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The server's offer for a subscriber transport (RFC 8829 §5.2): a {@code sendonly} m-section per
 * played track with its SSRC and {@code a=msid:<streamID> <track>} so the browser groups a stream's
 * tracks into one MediaStream whose id is the streamID, {@code inactive} for freed slots. Payload
 * types and header extension IDs are Parley's own and the same in every section, as BUNDLE needs
 * (RFC 8843 §9.1); the SFU rewrites each packet to them.
 */
final class SubscriberOffer {
    static final int OPUS_PT = 111;
    static final int VP8_PT = 96;
    static final int H264_PT = 102;
    static final int ABS_SEND_TIME_ID = 3;

    private SubscriberOffer() {
    }

    static int payloadType(Codec codec) {
        return switch (codec) {
            case OPUS -> OPUS_PT;
            case VP8 -> VP8_PT;
            case H264 -> H264_PT;
        };
    }

    static String write(List<SubscriberSlot> slots, MediaTransport t, InetSocketAddress candidate, long sessionId,
                        long version) {
        StringBuilder b = new StringBuilder(1024 * (1 + slots.size()));
        TransportLines.session(b, sessionId, version, slots.stream().map(s -> s.mid).toList());
        for (SubscriberSlot s : slots) {
            int pt = payloadType(s.codec);
            TransportLines.media(b, s.kind, 9, String.valueOf(pt), s.mid, t, candidate, "actpass");
            b.append("a=extmap:").append(ABS_SEND_TIME_ID)
                    .append(" http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n");
            switch (s.codec) {
                case OPUS -> b.append("a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\n");
                case VP8 -> b.append("a=rtpmap:96 VP8/90000\r\n");
                case H264 -> b.append("a=rtpmap:102 H264/90000\r\n")
                        .append("a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n");
            }
            if (s.codec.isVideo()) {
                b.append("a=rtcp-fb:").append(pt).append(" goog-remb\r\n")
                        .append("a=rtcp-fb:").append(pt).append(" nack\r\n")
                        .append("a=rtcp-fb:").append(pt).append(" nack pli\r\n")
                        .append("a=rtcp-fb:").append(pt).append(" ccm fir\r\n");
            }
            if (s.free()) {
                b.append("a=inactive\r\n");
                continue;
            }
            String track = s.streamId + "-" + s.kind;
            b.append("a=sendonly\r\n")
                    .append("a=msid:").append(s.streamId).append(' ').append(track).append("\r\n")
                    .append("a=ssrc:").append(s.ssrc).append(" cname:parley\r\n")
                    .append("a=ssrc:").append(s.ssrc).append(" msid:").append(s.streamId).append(' ').append(track)
                    .append("\r\n");
        }
        return b.toString();
    }
}
