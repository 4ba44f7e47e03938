package io.parley.sdk.rtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.sdk.media.MediaKind;
import io.parley.transport.MediaClient;
import io.parley.transport.MediaTransport;
import io.parley.transport.RemoteParameters;
import io.parley.transport.TransportLimits;
import io.parley.wire.sdp.Direction;
import io.parley.wire.sdp.MediaDescription;
import io.parley.wire.sdp.SessionDescription;
import io.parley.wire.sdp.Setup;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SDP the engine writes, read back with the wire model, and the server SDP it reads, good and bad. */
class SdpWriterTest {
    private static MediaClient client;
    private static MediaTransport transport;

    /** A subscriber offer as the server writes it (server's SubscriberOffer): one live audio slot, one freed video slot. */
    static final String SERVER_OFFER = String.join("\r\n",
            "v=0", "o=- 42 3 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=ice-lite", "a=group:BUNDLE 0 1",
            "a=msid-semantic: WMS *",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 127.0.0.1", "a=mid:0", "a=ice-ufrag:srvu", "a=ice-pwd:serverpassword0123456789",
            "a=fingerprint:sha-256 " + "AB:".repeat(31) + "AB", "a=setup:actpass", "a=rtcp-mux", "a=rtcp-rsize",
            "a=candidate:1 1 udp 2130706431 127.0.0.1 50000 typ host", "a=end-of-candidates",
            "a=extmap:3 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10;useinbandfec=1", "a=sendonly",
            "a=msid:s1 s1-audio", "a=ssrc:1234 cname:parley", "a=ssrc:1234 msid:s1 s1-audio",
            "m=video 9 UDP/TLS/RTP/SAVPF 96", "c=IN IP4 127.0.0.1", "a=mid:1", "a=ice-ufrag:srvu", "a=ice-pwd:serverpassword0123456789",
            "a=fingerprint:sha-256 " + "AB:".repeat(31) + "AB", "a=setup:actpass", "a=rtcp-mux", "a=rtcp-rsize",
            "a=candidate:1 1 udp 2130706431 127.0.0.1 50000 typ host", "a=end-of-candidates",
            "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack pli", "a=inactive", "");

    @BeforeAll
    static void start() throws Exception {
        client = new MediaClient(InetAddress.getByName("127.0.0.1"), TransportLimits.DEFAULTS);
        transport = client.createTransport(new MediaTransport.Listener() {
            @Override
            public void onRtp(byte[] buf, int off, int len) {
            }

            @Override
            public void onRtcp(byte[] buf, int off, int len) {
            }
        });
    }

    @AfterAll
    static void stop() {
        transport.close();
        client.close();
    }

    @Test
    void thePublishOfferIsABundleOfSendonlySectionsWithSsrcMsidAndMid() throws Exception {
        String sdp = SdpWriter.publishOffer(List.of(
                new SdpWriter.OfferSection("0", MediaKind.AUDIO, 1111, "s1"),
                new SdpWriter.OfferSection("1", MediaKind.VIDEO, 2222, "s1"),
                new SdpWriter.OfferSection("2", MediaKind.VIDEO, 0, null)), transport, 7, 2);
        SessionDescription d = SessionDescription.parse(sdp);
        assertThat(d.bundle()).containsExactly("0", "1", "2");
        assertThat(d.origin().sessionVersion()).isEqualTo("2");
        MediaDescription audio = d.media().get(0);
        assertThat(audio.media()).isEqualTo("audio");
        assertThat(audio.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(audio.rtpmap(111).orElseThrow().toString()).isEqualTo("111 opus/48000/2");
        assertThat(audio.setup()).contains(Setup.ACTPASS);
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(audio.iceUfrag()).contains(transport.localIce().ufrag());
        assertThat(audio.fingerprints().get(0).digest()).isEqualTo(transport.localFingerprint().digest());
        assertThat(audio.extmaps()).extracting(e -> e.id() + " " + e.uri()).containsExactly("1 urn:ietf:params:rtp-hdrext:sdes:mid");
        assertThat(audio.ssrcs()).extracting(s -> s.ssrc() + " " + s.attribute() + ":" + s.value())
                .containsExactly("1111 cname:parley-java", "1111 msid:s1 s1-audio");
        MediaDescription video = d.media().get(1);
        assertThat(video.rtpmap(96).orElseThrow().encoding()).isEqualTo("VP8");
        assertThat(video.rtcpFbs(96)).extracting(Object::toString).containsExactly("96 nack", "96 nack pli", "96 ccm fir");
        assertThat(video.msids().get(0).streamId()).isEqualTo("s1");
        MediaDescription free = d.media().get(2);
        assertThat(free.direction()).isEqualTo(Direction.INACTIVE);
        assertThat(free.ssrcs()).isEmpty();
        assertThat(free.msids()).isEmpty();
    }

    @Test
    void theSubscriberAnswerMirrorsTheServersOffer() throws Exception {
        SessionDescription offer = ServerSdp.parse(SERVER_OFFER);
        SessionDescription answer = SessionDescription.parse(SdpWriter.subscriberAnswer(offer, transport, 9, 3));
        assertThat(answer.bundle()).containsExactly("0", "1");
        assertThat(answer.media()).extracting(MediaDescription::direction).containsExactly(Direction.RECVONLY, Direction.INACTIVE);
        assertThat(answer.media()).extracting(m -> m.setup().orElseThrow()).containsOnly(Setup.ACTIVE);
        assertThat(answer.media().get(0).rtpmap(111)).isPresent();
        assertThat(answer.media().get(0).fmtp(111).orElseThrow().get("useinbandfec")).isEqualTo("1");
        assertThat(answer.media().get(1).rtcpFbs(96)).extracting(Object::toString).containsExactly("96 nack pli");

        RemoteParameters server = ServerSdp.transport(offer);
        assertThat(server.ice().ufrag()).isEqualTo("srvu");
        assertThat(server.candidates()).extracting(a -> a.getAddress().getHostAddress() + ":" + a.getPort())
                .containsExactly("127.0.0.1:50000");
    }

    @Test
    void serverSdpThatCannotBeUsedIsRefusedWithAClearReason() {
        assertThatThrownBy(() -> ServerSdp.parse("")).isInstanceOf(ServerSdp.SdpProblem.class).hasMessageContaining("unreadable");
        assertThatThrownBy(() -> ServerSdp.parse("v=1\r\n")).isInstanceOf(ServerSdp.SdpProblem.class);
        assertThatThrownBy(() -> ServerSdp.transport(ServerSdp.parse(SERVER_OFFER.replaceAll("a=fingerprint:[^\\r]*\\r\\n", ""))))
                .isInstanceOf(ServerSdp.SdpProblem.class).hasMessageContaining("fingerprint");
        assertThatThrownBy(() -> ServerSdp.transport(ServerSdp.parse(SERVER_OFFER.replaceAll("a=candidate:[^\\r]*\\r\\n", ""))))
                .isInstanceOf(ServerSdp.SdpProblem.class).hasMessageContaining("candidate");
        assertThatThrownBy(() -> ServerSdp.transport(ServerSdp.parse(SERVER_OFFER.replace("m=audio 9", "m=audio 0")
                .replace("m=video 9", "m=video 0")))).isInstanceOf(ServerSdp.SdpProblem.class).hasMessageContaining("accepts no");
    }
}
