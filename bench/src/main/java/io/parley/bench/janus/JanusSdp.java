package io.parley.bench.janus;

import io.parley.sdk.media.MediaKind;
import io.parley.transport.MediaTransport;
import io.parley.transport.ice.IceCredentials;
import io.parley.wire.WireFormatException;
import io.parley.wire.sdp.Candidate;
import io.parley.wire.sdp.Connection;
import io.parley.wire.sdp.Direction;
import io.parley.wire.sdp.Extmap;
import io.parley.wire.sdp.Fingerprint;
import io.parley.wire.sdp.MediaDescription;
import io.parley.wire.sdp.MediaLine;
import io.parley.wire.sdp.Msid;
import io.parley.wire.sdp.MsidSemantic;
import io.parley.wire.sdp.Origin;
import io.parley.wire.sdp.Parameter;
import io.parley.wire.sdp.RtcpFb;
import io.parley.wire.sdp.Rtpmap;
import io.parley.wire.sdp.SessionDescription;
import io.parley.wire.sdp.Setup;
import io.parley.wire.sdp.Ssrc;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SDP of our side of a Janus VideoRoom PeerConnection, written and read with the wire
 * module's model (RFC 8866, JSEP RFC 8829): the publisher's offer (one sendonly m-section per
 * track, BUNDLE, rtcp-mux, {@code a=setup:actpass}, our one host candidate) and the subscriber's
 * answer to Janus's offer ({@code recvonly}, Opus or VP8, {@code a=setup:passive}); and, from
 * Janus's SDP, what the transport needs: ICE credentials, the sha-256 fingerprint, the setup role
 * and the candidates (RFC 8839 §5).
 */
public final class JanusSdp {
    static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    /** The one-byte header extension id our offer gives sdes:mid (RFC 8285 §5). */
    public static final int MID_EXTENSION_ID = 1;
    public static final int OPUS_PT = 111;
    public static final int VP8_PT = 96;
    private static final String PROTO = "UDP/TLS/RTP/SAVPF";
    private static final String STREAM = "parley";

    private JanusSdp() {
    }

    /** Our transport's values for SDP: a=ice-ufrag/pwd, a=fingerprint, the host candidate. */
    public record LocalSide(IceCredentials ice, io.parley.transport.dtls.Fingerprint fingerprint, InetSocketAddress candidate) {
        public static LocalSide of(MediaTransport t) {
            return new LocalSide(t.localIce(), t.localFingerprint(), t.localAddress());
        }
    }

    /** One track we publish: its m-section's mid, payload type and SSRC. */
    public record PublishTrack(MediaKind kind, String mid, int payloadType, long ssrc) {
    }

    /**
     * What Janus's SDP tells our transport, and how its payload types map to kinds.
     *
     * @param candidates   Janus's UDP IPv4 candidates in the order written (Janus, ICE-lite, has host ones)
     * @param payloadKinds payload type to kind, for the m-sections we accept
     */
    public record RemoteSide(IceCredentials ice, io.parley.transport.dtls.Fingerprint fingerprint, Setup setup,
                             List<InetSocketAddress> candidates, Map<Integer, MediaKind> payloadKinds) {
    }

    /** The publisher's offer: one sendonly m-section per track, bundled on our one transport. */
    public static String publisherOffer(LocalSide local, List<PublishTrack> tracks, long sessionId) {
        SessionDescription sdp = SessionDescription.create(origin(sessionId));
        List<String> mids = tracks.stream().map(PublishTrack::mid).toList();
        sdp.setBundle(mids);
        sdp.setMsidSemantic(new MsidSemantic("WMS", List.of(STREAM)));
        for (PublishTrack t : tracks) {
            MediaDescription m = transportSection(t.kind(), t.mid(), local, Setup.ACTPASS);
            m.setDirection(Direction.SENDONLY);
            m.addExtmap(new Extmap(MID_EXTENSION_ID, null, MID_URI, null));
            addCodec(m, t.kind(), t.payloadType());
            m.setMsid(new Msid(STREAM, t.kind().name().toLowerCase()));
            m.addSsrc(new Ssrc(t.ssrc(), "cname", STREAM));
            m.addSsrc(new Ssrc(t.ssrc(), "msid", STREAM + " " + t.kind().name().toLowerCase()));
            sdp.media().add(m);
        }
        return sdp.write();
    }

    /**
     * Our answer to Janus's subscriber offer: each audio m-section with Opus and video m-section
     * with VP8 accepted recvonly with that one codec, anything else (data channels, other codecs)
     * rejected with port 0 (RFC 8829 §5.3.1).
     */
    public static String subscriberAnswer(SessionDescription offer, LocalSide local, long sessionId) throws JanusException {
        SessionDescription sdp = SessionDescription.create(origin(sessionId));
        List<String> bundle = new ArrayList<>();
        for (MediaDescription o : offer.media()) {
            String mid = o.mid().orElseThrow(() -> new JanusException(JanusException.SDP, "Janus's offer has an m-section without a=mid"));
            Optional<Rtpmap> codec = codecOf(o);
            if (codec.isEmpty() || o.mediaLine().port() == 0) {
                MediaDescription rejected = new MediaDescription(o.mediaLine().withPort(0));
                rejected.setConnection(new Connection("IN", "IP4", "0.0.0.0"));
                rejected.setMid(mid);
                rejected.setDirection(Direction.INACTIVE);
                sdp.media().add(rejected);
                continue;
            }
            MediaKind kind = "audio".equals(o.media()) ? MediaKind.AUDIO : MediaKind.VIDEO;
            MediaDescription m = transportSection(kind, mid, local, Setup.PASSIVE);
            m.setDirection(Direction.RECVONLY);
            for (Extmap e : o.extmaps()) {
                if (MID_URI.equals(e.uri())) {
                    m.addExtmap(new Extmap(e.id(), null, e.uri(), null));
                }
            }
            addCodec(m, kind, codec.get().payloadType());
            sdp.media().add(m);
            bundle.add(mid);
        }
        if (bundle.isEmpty()) {
            throw new JanusException(JanusException.SDP, "Janus offered no Opus or VP8 m-section: " + offer.write());
        }
        sdp.setBundle(bundle);
        sdp.setMsidSemantic(new MsidSemantic("WMS", List.of()));
        return sdp.write();
    }

    /** Parses Janus's SDP, with a clear error when it is not SDP. */
    public static SessionDescription parse(String text) throws JanusException {
        try {
            return SessionDescription.parse(text);
        } catch (WireFormatException e) {
            throw new JanusException(JanusException.SDP, "unreadable SDP from Janus: " + e.getMessage(), e);
        }
    }

    /** What our transport needs from Janus's offer or answer. */
    public static RemoteSide remote(SessionDescription d) throws JanusException {
        if (d.media().isEmpty()) {
            throw new JanusException(JanusException.SDP, "Janus's SDP has no m-section");
        }
        MediaDescription first = d.media().stream().filter(m -> m.mediaLine().port() != 0).findFirst()
                .orElseThrow(() -> new JanusException(JanusException.SDP, "Janus rejected every m-section"));
        Optional<String> ufrag = first.iceUfrag().or(d::iceUfrag);
        Optional<String> pwd = first.icePwd().or(d::icePwd);
        List<Fingerprint> fps = (first.fingerprints().isEmpty() ? d.fingerprints() : first.fingerprints()).stream()
                .filter(f -> f.hashFunction().equalsIgnoreCase(io.parley.transport.dtls.Fingerprint.SHA_256)).toList();
        Optional<Setup> setup = first.setup().or(d::setup);
        if (ufrag.isEmpty() || pwd.isEmpty() || fps.isEmpty() || setup.isEmpty()) {
            throw new JanusException(JanusException.SDP, "Janus's SDP lacks a=ice-ufrag, a=ice-pwd, a sha-256 a=fingerprint or a=setup");
        }
        List<InetSocketAddress> candidates = new ArrayList<>();
        Map<Integer, MediaKind> kinds = new LinkedHashMap<>();
        for (MediaDescription m : d.media()) {
            for (Candidate c : m.candidates()) {
                if (c.component() == 1 && "udp".equalsIgnoreCase(c.transport()) && c.address().matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                    InetSocketAddress a = address(c);
                    if (a != null && !candidates.contains(a)) {
                        candidates.add(a);
                    }
                }
            }
            codecOf(m).ifPresent(r -> kinds.put(r.payloadType(), "audio".equals(m.media()) ? MediaKind.AUDIO : MediaKind.VIDEO));
        }
        try {
            return new RemoteSide(new IceCredentials(ufrag.get(), pwd.get()),
                    new io.parley.transport.dtls.Fingerprint(io.parley.transport.dtls.Fingerprint.SHA_256, fps.get(0).digest()),
                    setup.get(), candidates, kinds);
        } catch (RuntimeException e) {
            throw new JanusException(JanusException.SDP, "unusable ICE credentials or fingerprint from Janus: " + e.getMessage(), e);
        }
    }

    /** The one codec we take from an m-section: Opus/48000/2 for audio, VP8/90000 for video. */
    static Optional<Rtpmap> codecOf(MediaDescription m) {
        String want = "audio".equals(m.media()) ? "opus" : "video".equals(m.media()) ? "vp8" : null;
        if (want == null) {
            return Optional.empty();
        }
        for (String f : m.mediaLine().formats()) {
            Optional<Rtpmap> r;
            try {
                r = m.rtpmap(Integer.parseInt(f));
            } catch (NumberFormatException e) {
                continue;
            }
            if (r.isPresent() && r.get().encoding().equalsIgnoreCase(want)) {
                return r;
            }
        }
        return Optional.empty();
    }

    private static MediaDescription transportSection(MediaKind kind, String mid, LocalSide local, Setup setup) {
        String host = local.candidate().getAddress().getHostAddress();
        MediaDescription m = new MediaDescription(new MediaLine(kind == MediaKind.AUDIO ? "audio" : "video", 9, 0, PROTO, List.of()));
        m.setConnection(new Connection("IN", "IP4", host));
        m.setMid(mid);
        m.setIceUfrag(local.ice().ufrag());
        m.setIcePwd(local.ice().pwd());
        m.setFingerprint(new Fingerprint(io.parley.transport.dtls.Fingerprint.SHA_256, local.fingerprint().digest()));
        m.setSetup(setup);
        m.setRtcpMux(true);
        m.addCandidate(new Candidate("1", 1, "udp", 2130706431L, host, local.candidate().getPort(), "host", null, -1, List.of()));
        m.setEndOfCandidates(true);
        return m;
    }

    private static void addCodec(MediaDescription m, MediaKind kind, int pt) {
        if (kind == MediaKind.AUDIO) {
            m.addCodec(new Rtpmap(pt, "opus", 48_000, 2),
                    List.of(new Parameter("minptime", "10"), new Parameter("useinbandfec", "1")), List.of());
        } else {
            m.addCodec(new Rtpmap(pt, "VP8", 90_000, 0), List.of(),
                    List.of(new RtcpFb(String.valueOf(pt), "nack", null), new RtcpFb(String.valueOf(pt), "nack", "pli"),
                            new RtcpFb(String.valueOf(pt), "ccm", "fir")));
        }
    }

    private static Origin origin(long sessionId) {
        return new Origin("-", Long.toString(sessionId & Long.MAX_VALUE), "2", "IN", "IP4", "127.0.0.1");
    }

    private static InetSocketAddress address(Candidate c) {
        try {
            // An IPv4 literal: no name lookup happens.
            return new InetSocketAddress(InetAddress.getByName(c.address()), c.port());
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
