package io.parley.wire.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

/** Chromium's own descriptions: each parses, writes back exactly, and reads as its text says. */
class SdpChromiumTest {

    static List<String> fixtures() {
        return SdpFixtures.NAMES;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void writesBackExactly(String name) throws WireFormatException {
        String text = SdpFixtures.read(name);
        SessionDescription sdp = SessionDescription.parse(text);
        assertThat(sdp.write()).isEqualTo(text);
        assertThat(SessionDescription.parse(text.replace("\r\n", "\n"))).isEqualTo(sdp);
    }

    /** Every attribute Parley types reads and formats back to exactly the text Chromium wrote. */
    @ParameterizedTest
    @MethodSource("fixtures")
    void typedAttributesFormatBackToTheirText(String name) throws WireFormatException {
        SessionDescription sdp = SessionDescription.parse(SdpFixtures.read(name));
        int typed = 0;
        for (Section section : sections(sdp)) {
            for (SdpLine line : section.lines()) {
                AttributeType<?> type = line.isAttribute() ? Attributes.typeOf(line.attributeName()) : null;
                if (type != null) {
                    assertThat(reformat(type, line.attributeValue())).as(line.toString()).isEqualTo(line.attributeValue());
                    typed++;
                }
            }
            if (section instanceof MediaDescription m) {
                assertThat(sdp.write()).contains("\r\nm=" + m.mediaLine() + "\r\n");
            }
        }
        assertThat(typed).isGreaterThanOrEqualTo(10);
    }

    private static <T> String reformat(AttributeType<T> type, String value) throws WireFormatException {
        return type.format(type.parse(value));
    }

    private static List<Section> sections(SessionDescription sdp) {
        List<Section> all = new java.util.ArrayList<>();
        all.add(sdp);
        all.addAll(sdp.media());
        return all;
    }

    @Test
    void audioVideoOffer() throws WireFormatException {
        SessionDescription sdp = SessionDescription.parse(SdpFixtures.read("av-offer"));
        assertThat(sdp.origin()).isEqualTo(new Origin("-", "1960398585781972493", "2", "IN", "IP4", "127.0.0.1"));
        assertThat(sdp.sessionName()).isEqualTo("-");
        assertThat(sdp.timing()).isEqualTo(Timing.UNBOUNDED);
        assertThat(sdp.bundle()).containsExactly("0", "1");
        assertThat(sdp.extmapAllowMixed()).isTrue();
        assertThat(sdp.iceLite()).isFalse();
        assertThat(sdp.msidSemantic()).contains(new MsidSemantic("WMS", List.of("7e4bcfff-f2bb-4cd1-a74e-a17fb32369f1")));
        assertThat(sdp.media()).hasSize(2);

        MediaDescription audio = sdp.media().get(0);
        assertThat(audio.mediaLine()).isEqualTo(new MediaLine("audio", 9, 0, "UDP/TLS/RTP/SAVPF",
                List.of("111", "63", "9", "0", "8", "13", "110", "126")));
        assertThat(audio.connection()).contains(new Connection("IN", "IP4", "0.0.0.0"));
        assertThat(audio.iceUfrag()).contains("iag8");
        assertThat(audio.icePwd()).contains("pLKk3amh1cW1dgT1HDPOUicV");
        assertThat(audio.iceOptions()).containsExactly("trickle");
        assertThat(audio.fingerprints()).containsExactly(new Fingerprint("sha-256", Hex.parse(
                "13229780 30806E3C A659E3CE C3B06ECF 10D75212 77166277 1CA90026 A805B54F")));
        assertThat(audio.setup()).contains(Setup.ACTPASS);
        assertThat(audio.mid()).contains("0");
        assertThat(audio.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(audio.rtcpRsize()).isTrue();
        assertThat(audio.extmaps()).first().isEqualTo(new Extmap(1, null, "urn:ietf:params:rtp-hdrext:ssrc-audio-level", null));
        assertThat(audio.rtpmap(111)).contains(new Rtpmap(111, "opus", 48000, 2));
        assertThat(audio.rtpmap(9)).contains(new Rtpmap(9, "G722", 8000, 0));
        assertThat(audio.fmtp(111)).contains(new Fmtp(111,
                List.of(new Parameter("minptime", "10"), new Parameter("useinbandfec", "1"))));
        assertThat(audio.fmtp(63).orElseThrow().parameters()).containsExactly(new Parameter("111/111", null));
        assertThat(audio.rtcpFbs(111)).containsExactly(new RtcpFb("111", "transport-cc", null));
        assertThat(audio.msids()).containsExactly(new Msid("7e4bcfff-f2bb-4cd1-a74e-a17fb32369f1",
                "abb225ac-6b68-40b1-9594-ed405337f7fd"));
        assertThat(audio.ssrcs()).containsExactly(
                new Ssrc(2109626664L, "cname", "iyNmwcrkzztlncex"),
                new Ssrc(2109626664L, "msid", "7e4bcfff-f2bb-4cd1-a74e-a17fb32369f1 abb225ac-6b68-40b1-9594-ed405337f7fd"));
        assertThat(audio.candidates()).isEmpty();

        MediaDescription video = sdp.mediaByMid("1").orElseThrow();
        assertThat(video.media()).isEqualTo("video");
        assertThat(video.rtpmap(96)).contains(new Rtpmap(96, "VP8", 90000, 0));
        assertThat(video.rtcpFbs(96)).containsExactly(new RtcpFb("96", "goog-remb", null),
                new RtcpFb("96", "transport-cc", null), new RtcpFb("96", "ccm", "fir"), new RtcpFb("96", "nack", null),
                new RtcpFb("96", "nack", "pli"));
        assertThat(video.fmtp(97).orElseThrow().get("apt")).isEqualTo("96");
        assertThat(video.fmtp(102).orElseThrow().get("profile-level-id")).isEqualTo("42001f");
        assertThat(video.extmaps()).contains(new Extmap(14, null, "urn:ietf:params:rtp-hdrext:toffset", null));
        assertThat(video.ssrcGroups()).containsExactly(new SsrcGroup("FID", List.of(604040930L, 2540043347L)));
        assertThat(video.ssrcs()).hasSize(4);
    }

    @Test
    void answerIsActive() throws WireFormatException {
        SessionDescription sdp = SessionDescription.parse(SdpFixtures.read("av-answer"));
        assertThat(sdp.media()).allSatisfy(m -> assertThat(m.setup()).contains(Setup.ACTIVE));
    }

    @Test
    void simulcastOffer() throws WireFormatException {
        MediaDescription video = SessionDescription.parse(SdpFixtures.read("simulcast-offer")).media().get(0);
        assertThat(video.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(video.rids()).containsExactly(new Rid("q", Direction.SENDONLY, List.of()),
                new Rid("h", Direction.SENDONLY, List.of()), new Rid("f", Direction.SENDONLY, List.of()));
        assertThat(video.simulcast()).contains(new Simulcast(Simulcast.streams("q", "h", "f"), List.of()));
        assertThat(video.extmaps()).contains(new Extmap(10, null, "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id", null));
    }

    @Test
    void dataChannelOnly() throws WireFormatException {
        SessionDescription sdp = SessionDescription.parse(SdpFixtures.read("datachannel-offer"));
        MediaDescription app = sdp.media().get(0);
        assertThat(app.mediaLine()).isEqualTo(new MediaLine("application", 9, 0, "UDP/DTLS/SCTP",
                List.of("webrtc-datachannel")));
        assertThat(app.sctpPort()).contains(5000);
        assertThat(app.maxMessageSize()).contains(262144L);
        assertThat(app.rtpmaps()).isEmpty();
        assertThat(sdp.msidSemantic()).contains(new MsidSemantic("WMS", List.of()));
    }

    @Test
    void recvonlyAnswer() throws WireFormatException {
        SessionDescription offer = SessionDescription.parse(SdpFixtures.read("audio-recvonly-offer"));
        SessionDescription answer = SessionDescription.parse(SdpFixtures.read("audio-recvonly-answer"));
        assertThat(offer.media().get(0).direction()).isEqualTo(Direction.SENDRECV);
        assertThat(answer.media().get(0).direction()).isEqualTo(Direction.RECVONLY);
        assertThat(answer.media().get(0).ssrcs()).isEmpty();
    }

    @Test
    void renegotiationAddsASection() throws WireFormatException {
        SessionDescription first = SessionDescription.parse(SdpFixtures.read("av-offer"));
        SessionDescription again = SessionDescription.parse(SdpFixtures.read("renegotiated-offer"));
        assertThat(again.origin().sessionId()).isEqualTo(first.origin().sessionId());
        assertThat(again.origin().sessionVersion()).isEqualTo("3");
        assertThat(again.bundle()).containsExactly("0", "1", "2");
        assertThat(again.media()).extracting(MediaDescription::media).containsExactly("audio", "video", "video");
        assertThat(again.media().get(2).msids().get(0).streamId())
                .isNotEqualTo(again.media().get(1).msids().get(0).streamId());
        assertThat(again.media().get(0).mediaLine().port()).isEqualTo(43283);
    }

    @Test
    void gatheredOfferHoldsCandidates() throws WireFormatException {
        MediaDescription audio = SessionDescription.parse(SdpFixtures.read("av-offer-gathered")).media().get(0);
        Candidate host = audio.candidates().get(0);
        assertThat(host).isEqualTo(new Candidate("3651000546", 1, "udp", 2122194687L, "127.0.0.1", 43283, "host", null,
                -1, List.of(new Parameter("generation", "0"), new Parameter("network-id", "3"),
                new Parameter("network-cost", "50"))));
        Candidate tcp = audio.candidates().get(4);
        assertThat(tcp.transport()).isEqualTo("tcp");
        assertThat(tcp.extension("tcptype")).isEqualTo("active");
        assertThat(audio.candidates()).extracting(Candidate::address).contains("::1", "fd00::2");
    }

    @Test
    void trickledCandidates() throws WireFormatException {
        String[] lines = SdpFixtures.read(SdpFixtures.TRICKLE).split("\r\n");
        assertThat(lines).hasSizeGreaterThan(3);
        for (String line : lines) {
            Candidate c = Candidate.parseTrickled(line);
            assertThat("a=candidate:" + c).isEqualTo(line);
            assertThat(c.extension("ufrag")).isEqualTo("iag8");
            assertThat(c.component()).isEqualTo(1);
        }
        assertThat(Candidate.parseTrickled(lines[0].substring(2)).port()).isEqualTo(43283);
    }
}
