package io.parley.wire.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;

/** The SFU writes answers and offers: build one with the setters, check the text, read it back. */
class SdpWriteTest {

    @Test
    void iceLiteAnswerToChromiumOffer() throws WireFormatException {
        SessionDescription offer = SessionDescription.parse(SdpFixtures.read("av-offer"));
        MediaDescription offeredAudio = offer.media().get(0);

        SessionDescription answer = SessionDescription.create(new Origin("-", "42", "1", "IN", "IP4", "0.0.0.0"));
        answer.setBundle(offer.bundle());
        answer.setIceLite(true);
        answer.setMsidSemantic(new MsidSemantic("WMS", List.of()));
        MediaDescription audio = new MediaDescription(
                new MediaLine("audio", 9, 0, offeredAudio.mediaLine().proto(), List.of()));
        audio.setConnection(new Connection("IN", "IP4", "0.0.0.0"));
        audio.setIceUfrag("srv1");
        audio.setIcePwd("abcdefghijklmnopqrstuvwx");
        audio.setFingerprint(new Fingerprint("sha-256", Hex.parse("00112233445566778899aabbccddeeff")));
        audio.setSetup(Setup.PASSIVE);
        audio.setMid(offeredAudio.mid().orElseThrow());
        audio.addExtmap(offeredAudio.extmaps().get(0));
        audio.setDirection(offeredAudio.direction().reverse());
        audio.setRtcpMux(true);
        audio.addCodec(offeredAudio.rtpmap(111).orElseThrow(), offeredAudio.fmtp(111).orElseThrow().parameters(),
                offeredAudio.rtcpFbs(111));
        audio.addCandidate(new Candidate("1", 1, "udp", 2130706431L, "192.0.2.10", 50000, "host", null, -1, List.of()));
        audio.setEndOfCandidates(true);
        answer.media().add(audio);

        String text = answer.write();
        assertThat(text).isEqualTo(String.join("\r\n",
                "v=0",
                "o=- 42 1 IN IP4 0.0.0.0",
                "s=-",
                "t=0 0",
                "a=group:BUNDLE 0 1",
                "a=ice-lite",
                "a=msid-semantic: WMS",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111",
                "c=IN IP4 0.0.0.0",
                "a=ice-ufrag:srv1",
                "a=ice-pwd:abcdefghijklmnopqrstuvwx",
                "a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF",
                "a=setup:passive",
                "a=mid:0",
                "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                "a=sendrecv",
                "a=rtcp-mux",
                "a=rtpmap:111 opus/48000/2",
                "a=rtcp-fb:111 transport-cc",
                "a=fmtp:111 minptime=10;useinbandfec=1",
                "a=candidate:1 1 udp 2130706431 192.0.2.10 50000 typ host",
                "a=end-of-candidates",
                ""));
        SessionDescription reread = SessionDescription.parse(text);
        assertThat(reread).isEqualTo(answer);
        assertThat(reread.iceLite()).isTrue();
        assertThat(reread.media().get(0).setup()).contains(Setup.PASSIVE);
        assertThat(reread.media().get(0).endOfCandidates()).isTrue();
    }

    @Test
    void settersReplaceInPlace() throws WireFormatException {
        SessionDescription sdp = SessionDescription.parse(SdpFixtures.read("simulcast-offer"));
        MediaDescription video = sdp.media().get(0);
        int lines = video.lines().size();
        int setupAt = video.lines().indexOf(new SdpLine('a', "setup:actpass"));
        video.setSetup(Setup.ACTIVE);
        video.setSimulcast(new Simulcast(List.of(), Simulcast.streams("q", "h", "f")));
        video.setMediaLine(video.mediaLine().withPort(0));
        assertThat(video.lines()).hasSize(lines);
        assertThat(video.lines().get(setupAt)).isEqualTo(new SdpLine('a', "setup:active"));
        assertThat(sdp.write()).contains("\r\na=simulcast:recv q;h;f\r\n").contains("\r\nm=video 0 UDP/TLS/RTP/SAVPF 96 ");
        sdp.setOrigin(new Origin("-", "1", "3", "IN", "IP4", "127.0.0.1"));
        assertThat(sdp.lines().get(1)).isEqualTo(new SdpLine('o', "- 1 3 IN IP4 127.0.0.1"));
        video.setIceLite(false);
        video.remove("rid");
        assertThat(video.rids()).isEmpty();
        assertThat(SessionDescription.parse(sdp.write())).isEqualTo(sdp);
    }
}
