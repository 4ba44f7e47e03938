package io.parley.wire.sdp;

import io.parley.wire.WireFormatException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code a=} attributes Parley reads and writes, each with its RFC: the ICE attributes of
 * RFC 8839 §5, DTLS-SRTP's setup (RFC 4145 §4, as RFC 8842 applies it) and fingerprint
 * (RFC 8122 §5), the bundle and multiplexing attributes of RFC 9143 and RFC 5761, and the RTP
 * attributes JSEP (RFC 8829 §5.2) writes.
 * Every known attribute is checked when a line enters a description, so a typed accessor
 * never meets a malformed value; unknown attributes pass through untouched.
 */
public final class Attributes {
    private Attributes() {
    }

    public static final AttributeType<String> ICE_UFRAG =
            new AttributeType<>("ice-ufrag", v -> Candidate.iceChars(v, 256, "ice-ufrag"), v -> v);
    public static final AttributeType<String> ICE_PWD =
            new AttributeType<>("ice-pwd", v -> Candidate.iceChars(v, 256, "ice-pwd"), v -> v);
    /** RFC 8839 §5.6: space-separated option tags such as {@code trickle}. */
    public static final AttributeType<List<String>> ICE_OPTIONS =
            new AttributeType<>("ice-options", v -> Tokens.fields(v, 1, "ice-options"), v -> String.join(" ", v));
    public static final AttributeType<Fingerprint> FINGERPRINT =
            new AttributeType<>("fingerprint", Fingerprint::parse, Fingerprint::toString);
    public static final AttributeType<Setup> SETUP = new AttributeType<>("setup", Setup::parse, Setup::sdpName);
    /** RFC 9143 §9.1: the media identification tag of a section. */
    public static final AttributeType<String> MID =
            new AttributeType<>("mid", v -> Tokens.token(v, "mid"), v -> v);
    public static final AttributeType<Group> GROUP = new AttributeType<>("group", Group::parse, Group::toString);
    public static final AttributeType<MsidSemantic> MSID_SEMANTIC =
            new AttributeType<>("msid-semantic", MsidSemantic::parse, MsidSemantic::toString);
    public static final AttributeType<Rtpmap> RTPMAP = new AttributeType<>("rtpmap", Rtpmap::parse, Rtpmap::toString);
    public static final AttributeType<Fmtp> FMTP = new AttributeType<>("fmtp", Fmtp::parse, Fmtp::toString);
    public static final AttributeType<RtcpFb> RTCP_FB = new AttributeType<>("rtcp-fb", RtcpFb::parse, RtcpFb::toString);
    public static final AttributeType<Extmap> EXTMAP = new AttributeType<>("extmap", Extmap::parse, Extmap::toString);
    public static final AttributeType<Ssrc> SSRC = new AttributeType<>("ssrc", Ssrc::parse, Ssrc::toString);
    public static final AttributeType<SsrcGroup> SSRC_GROUP =
            new AttributeType<>("ssrc-group", SsrcGroup::parse, SsrcGroup::toString);
    public static final AttributeType<Msid> MSID = new AttributeType<>("msid", Msid::parse, Msid::toString);
    public static final AttributeType<Rid> RID = new AttributeType<>("rid", Rid::parse, Rid::toString);
    public static final AttributeType<Simulcast> SIMULCAST =
            new AttributeType<>("simulcast", Simulcast::parse, Simulcast::toString);
    public static final AttributeType<Candidate> CANDIDATE =
            new AttributeType<>("candidate", Candidate::parse, Candidate::toString);
    /** RFC 8841 §6.1: the SCTP port inside the DTLS association. */
    public static final AttributeType<Integer> SCTP_PORT =
            new AttributeType<>("sctp-port", v -> Tokens.integer(v, 0, 65535, "sctp-port"), String::valueOf);
    /** RFC 8841 §6.2: the largest message the receiver takes, 0 meaning no limit. */
    public static final AttributeType<Long> MAX_MESSAGE_SIZE = new AttributeType<>("max-message-size",
            v -> Tokens.number(v, 0, Long.MAX_VALUE, "max-message-size"), String::valueOf);

    /** Attributes that are flags: RFC 8839 §5.3 ice-lite, §5.4 end-of-candidates; RFC 5761 §5.1.1 rtcp-mux;
     *  RFC 5506 §5 rtcp-rsize; RFC 8285 §6 extmap-allow-mixed; and the four directions of RFC 8866 §6.7. */
    public static final String ICE_LITE = "ice-lite";
    public static final String END_OF_CANDIDATES = "end-of-candidates";
    public static final String RTCP_MUX = "rtcp-mux";
    public static final String RTCP_RSIZE = "rtcp-rsize";
    public static final String EXTMAP_ALLOW_MIXED = "extmap-allow-mixed";

    private static final Set<String> FLAGS = Set.of(ICE_LITE, END_OF_CANDIDATES, RTCP_MUX, RTCP_RSIZE,
            EXTMAP_ALLOW_MIXED, "sendrecv", "sendonly", "recvonly", "inactive");

    private static final Map<String, AttributeType<?>> TYPED = index(ICE_UFRAG, ICE_PWD, ICE_OPTIONS, FINGERPRINT,
            SETUP, MID, GROUP, MSID_SEMANTIC, RTPMAP, FMTP, RTCP_FB, EXTMAP, SSRC, SSRC_GROUP, MSID, RID, SIMULCAST,
            CANDIDATE, SCTP_PORT, MAX_MESSAGE_SIZE);

    private static Map<String, AttributeType<?>> index(AttributeType<?>... types) {
        Map<String, AttributeType<?>> map = new java.util.HashMap<>();
        for (AttributeType<?> t : types) {
            map.put(t.name(), t);
        }
        return Map.copyOf(map);
    }

    /** The type registered for {@code name}, or {@code null} for an attribute Parley does not interpret. */
    public static AttributeType<?> typeOf(String name) {
        return TYPED.get(name);
    }

    /** Checks a known attribute's value; unknown attributes are accepted as they are. */
    static void check(String name, String value) throws WireFormatException {
        if (FLAGS.contains(name)) {
            if (value != null) {
                throw new WireFormatException("a=" + name + " is a flag and takes no value");
            }
            return;
        }
        AttributeType<?> type = TYPED.get(name);
        if (type != null) {
            type.parse(value);
        }
    }
}
