package io.parley.server.media;

import io.parley.transport.MediaTransport;
import io.parley.wire.sdp.Direction;
import io.parley.wire.sdp.Extmap;
import io.parley.wire.sdp.MediaDescription;
import io.parley.wire.sdp.RtcpFb;
import io.parley.wire.sdp.SessionDescription;
import io.parley.wire.sdp.SsrcGroup;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The server's answer to a publisher transport's offer (RFC 8829 §5.3): each audio or video
 * m-section the client sends on is answered {@code recvonly} with the one codec Parley takes
 * ({@link CodecChoice}), its RTX, the feedback and header extensions the SFU understands; anything
 * else (data channels, a section without a forwardable codec) is rejected with port 0. The tracks
 * of m-sections not seen before ({@code knownMids}) are what the publish adds.
 */
record PublisherAnswer(String sdp, List<PublishedTrackOffer> newTracks) {
    /** Header extensions kept (RFC 8285): mid, abs-send-time, audio level. transport-cc is not. */
    private static final Set<String> EXTENSIONS = Set.of(
            "urn:ietf:params:rtp-hdrext:sdes:mid",
            "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "urn:ietf:params:rtp-hdrext:ssrc-audio-level");

    static PublisherAnswer answer(SessionDescription offer, Set<String> knownMids, MediaTransport t,
                                  InetSocketAddress candidate, long sessionId, long version) throws SdpException {
        List<String> bundle = new ArrayList<>();
        List<PublishedTrackOffer> tracks = new ArrayList<>();
        StringBuilder media = new StringBuilder();
        for (MediaDescription m : offer.media()) {
            Optional<String> mid = m.mid();
            if (mid.isEmpty()) {
                throw new SdpException("every m-section needs a=mid (RFC 8843)");
            }
            Optional<CodecChoice> choice = "audio".equals(m.media()) || "video".equals(m.media())
                    ? CodecChoice.choose(m) : Optional.empty();
            if (choice.isEmpty()) {
                rejected(media, m, mid.get());
                continue;
            }
            bundle.add(mid.get());
            CodecChoice c = choice.get();
            boolean sending = m.direction() == Direction.SENDONLY || m.direction() == Direction.SENDRECV;
            accepted(media, m, mid.get(), c, sending, t, candidate);
            if (sending && !knownMids.contains(mid.get())) {
                long ssrc = 0;
                long rtxSsrc = 0;
                for (SsrcGroup g : m.ssrcGroups()) {
                    if ("FID".equals(g.semantics()) && g.ssrcs().size() == 2) {
                        ssrc = g.ssrcs().get(0);
                        rtxSsrc = g.ssrcs().get(1);
                    }
                }
                if (ssrc == 0 && !m.ssrcs().isEmpty()) {
                    ssrc = m.ssrcs().get(0).ssrc();
                }
                if (ssrc == 0) {
                    throw new SdpException("m-section " + mid.get() + " sends without a=ssrc");
                }
                tracks.add(new PublishedTrackOffer(mid.get(), c.codec(), c.rtpmap().payloadType(), c.rtxPayloadType(),
                        ssrc, rtxSsrc, c.firOnly()));
            }
        }
        if (bundle.isEmpty()) {
            throw new SdpException("no m-section with Opus, VP8 or H.264 (42e01f, packetization-mode=1)");
        }
        StringBuilder b = new StringBuilder(1024 + media.length());
        TransportLines.session(b, sessionId, version, bundle);
        b.append(media);
        return new PublisherAnswer(b.toString(), tracks);
    }

    private static void accepted(StringBuilder b, MediaDescription m, String mid, CodecChoice c, boolean sending,
                                 MediaTransport t, InetSocketAddress candidate) {
        int pt = c.rtpmap().payloadType();
        String formats = c.rtxPayloadType() >= 0 ? pt + " " + c.rtxPayloadType() : String.valueOf(pt);
        TransportLines.media(b, m.media(), 9, formats, mid, t, candidate, "passive");
        b.append(sending ? "a=recvonly\r\n" : "a=inactive\r\n");
        for (Extmap e : m.extmaps()) {
            if (EXTENSIONS.contains(e.uri())) {
                b.append("a=extmap:").append(e.id()).append(' ').append(e.uri()).append("\r\n");
            }
        }
        b.append("a=rtpmap:").append(c.rtpmap()).append("\r\n");
        c.fmtp().ifPresent(f -> b.append("a=fmtp:").append(f).append("\r\n"));
        for (RtcpFb fb : c.feedback()) {
            b.append("a=rtcp-fb:").append(pt).append(' ').append(fb.type())
                    .append(fb.subtype() == null ? "" : " " + fb.subtype()).append("\r\n");
        }
        if (c.rtxPayloadType() >= 0) {
            b.append("a=rtpmap:").append(c.rtxPayloadType()).append(" rtx/90000\r\n")
                    .append("a=fmtp:").append(c.rtxPayloadType()).append(" apt=").append(pt).append("\r\n");
        }
    }

    private static void rejected(StringBuilder b, MediaDescription m, String mid) {
        b.append("m=").append(m.media()).append(" 0 ").append(m.mediaLine().proto()).append(' ')
                .append(String.join(" ", m.mediaLine().formats())).append("\r\n")
                .append("c=IN IP4 0.0.0.0\r\n")
                .append("a=mid:").append(mid).append("\r\n")
                .append("a=inactive\r\n");
    }
}
