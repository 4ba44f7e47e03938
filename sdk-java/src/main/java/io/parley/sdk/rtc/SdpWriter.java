package io.parley.sdk.rtc;

import io.parley.sdk.media.MediaKind;
import io.parley.transport.MediaTransport;
import io.parley.wire.sdp.Connection;
import io.parley.wire.sdp.Direction;
import io.parley.wire.sdp.Extmap;
import io.parley.wire.sdp.Fingerprint;
import io.parley.wire.sdp.MediaDescription;
import io.parley.wire.sdp.MediaLine;
import io.parley.wire.sdp.MsidSemantic;
import io.parley.wire.sdp.Origin;
import io.parley.wire.sdp.Parameter;
import io.parley.wire.sdp.RtcpFb;
import io.parley.wire.sdp.Rtpmap;
import io.parley.wire.sdp.SessionDescription;
import io.parley.wire.sdp.Setup;
import io.parley.wire.sdp.Ssrc;
import java.util.ArrayList;
import java.util.List;

/**
 * The SDP the Java SDK writes, with the wire module's model: the publisher transport's BUNDLE
 * offer (RFC 8829 §5.2: one {@code sendonly} m-section per track, Opus PT 111 48000/2 per RFC 7587
 * and VP8 PT 96 per RFC 7741, rtcp-mux, {@code a=mid}, {@code a=ssrc}/{@code a=msid}, the sdes:mid
 * header extension of RFC 8843 §15) and the answer to the server's subscriber offer (RFC 8829
 * §5.3: each section mirrored, {@code recvonly} where the server sends). We are the DTLS client:
 * {@code a=setup:actpass} in our offer, {@code active} in our answer (RFC 8842 §5).
 */
final class SdpWriter {
    static final int OPUS_PT = 111;
    static final int VP8_PT = 96;
    static final int MID_EXTENSION_ID = 1;
    static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    private static final String PROTO = "UDP/TLS/RTP/SAVPF";

    private SdpWriter() {
    }

    /** One m-section of the publisher transport: a track of a stream, or a free slot written inactive. */
    record OfferSection(String mid, MediaKind kind, long ssrc, String streamID) {
        boolean free() {
            return streamID == null;
        }
    }

    static String publishOffer(List<OfferSection> sections, MediaTransport t, long sessionId, long version) {
        SessionDescription d = session(sessionId, version, sections.stream().map(OfferSection::mid).toList());
        for (OfferSection s : sections) {
            MediaDescription m = section(s.kind(), s.mid(), t, Setup.ACTPASS);
            m.addExtmap(new Extmap(MID_EXTENSION_ID, null, MID_URI, null));
            if (s.kind() == MediaKind.AUDIO) {
                m.addCodec(new Rtpmap(OPUS_PT, "opus", 48_000, 2),
                        List.of(new Parameter("minptime", "10"), new Parameter("useinbandfec", "1")), List.of());
            } else {
                String pt = String.valueOf(VP8_PT);
                m.addCodec(new Rtpmap(VP8_PT, "VP8", 90_000, 0), List.of(), List.of(
                        new RtcpFb(pt, "nack", null), new RtcpFb(pt, "nack", "pli"), new RtcpFb(pt, "ccm", "fir")));
            }
            if (s.free()) {
                m.setDirection(Direction.INACTIVE);
            } else {
                m.setDirection(Direction.SENDONLY);
                String track = s.streamID() + "-" + s.kind().name().toLowerCase(java.util.Locale.ROOT);
                m.setMsid(new io.parley.wire.sdp.Msid(s.streamID(), track));
                m.addSsrc(new Ssrc(s.ssrc(), "cname", "parley-java"));
                m.addSsrc(new Ssrc(s.ssrc(), "msid", s.streamID() + " " + track));
            }
            d.media().add(m);
        }
        return d.write();
    }

    /** Our answer to the server's subscriber offer: the same sections, each receiving what the server sends. */
    static String subscriberAnswer(SessionDescription offer, MediaTransport t, long sessionId, long version) {
        List<String> mids = new ArrayList<>();
        offer.media().forEach(m -> m.mid().ifPresent(mids::add));
        SessionDescription d = session(sessionId, version, mids);
        for (MediaDescription o : offer.media()) {
            String mid = o.mid().orElse(String.valueOf(d.media().size()));
            MediaKind kind = "video".equals(o.media()) ? MediaKind.VIDEO : MediaKind.AUDIO;
            MediaDescription m = section(kind, mid, t, Setup.ACTIVE);
            for (Rtpmap map : o.rtpmaps()) {
                m.addCodec(map, o.fmtp(map.payloadType()).map(f -> f.parameters()).orElse(List.of()),
                        o.rtcpFbs(map.payloadType()));
            }
            o.extmaps().forEach(m::addExtmap);
            Direction offered = o.direction();
            m.setDirection(offered == Direction.SENDONLY || offered == Direction.SENDRECV ? Direction.RECVONLY
                    : Direction.INACTIVE);
            d.media().add(m);
        }
        return d.write();
    }

    private static SessionDescription session(long sessionId, long version, List<String> mids) {
        SessionDescription d = SessionDescription.create(
                new Origin("-", Long.toString(sessionId), Long.toString(version), "IN", "IP4", "127.0.0.1"));
        d.setBundle(mids);
        d.setMsidSemantic(new MsidSemantic("WMS", List.of("*")));
        return d;
    }

    /** An m-section with its transport lines: our ufrag, password, fingerprint and role; no candidates (the server finds us). */
    private static MediaDescription section(MediaKind kind, String mid, MediaTransport t, Setup setup) {
        String media = kind == MediaKind.VIDEO ? "video" : "audio";
        MediaDescription m = new MediaDescription(new MediaLine(media, 9, 0, PROTO, List.of()));
        m.setConnection(new Connection("IN", "IP4", "0.0.0.0"));
        m.setMid(mid);
        m.setIceUfrag(t.localIce().ufrag());
        m.setIcePwd(t.localIce().pwd());
        m.setFingerprint(new Fingerprint(io.parley.transport.dtls.Fingerprint.SHA_256, t.localFingerprint().digest()));
        m.setSetup(setup);
        m.setRtcpMux(true);
        return m;
    }
}
