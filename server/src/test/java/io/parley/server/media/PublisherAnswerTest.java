package io.parley.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.sfu.Codec;
import io.parley.transport.MediaServer;
import io.parley.transport.MediaTransport;
import io.parley.transport.TransportLimits;
import io.parley.wire.sdp.Direction;
import io.parley.wire.sdp.MediaDescription;
import io.parley.wire.sdp.SessionDescription;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The publisher answer against Chromium's real offer (fake camera and microphone, captured by e2e/js/capture-sdp.mjs). */
class PublisherAnswerTest {
    private static MediaServer server;
    private static MediaTransport transport;
    private static final InetSocketAddress CANDIDATE = new InetSocketAddress("127.0.0.1", 50000);

    @BeforeAll
    static void start() {
        server = MediaServer.start(new InetSocketAddress("127.0.0.1", 0), TransportLimits.DEFAULTS);
        transport = server.createTransport(new MediaTransport.Listener() {
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
        server.close();
    }

    static String chromiumOffer() throws IOException {
        try (InputStream in = PublisherAnswerTest.class.getResourceAsStream("chromium-av-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static PublisherAnswer answer(String offer, Set<String> known) throws SdpException {
        return PublisherAnswer.answer(RemotePeer.parse(offer), known, transport, CANDIDATE, 7, 1);
    }

    @Test
    void chromiumsOfferIsAnsweredRecvonlyWithOpusAndVp8AndTheTracksCarryItsSsrcs() throws Exception {
        PublisherAnswer a = answer(chromiumOffer(), Set.of());
        SessionDescription sdp = SessionDescription.parse(a.sdp());
        assertThat(sdp.iceLite()).isTrue();
        assertThat(sdp.bundle()).containsExactly("0", "1");
        MediaDescription audio = sdp.media().get(0);
        MediaDescription video = sdp.media().get(1);
        assertThat(audio.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(audio.mediaLine().formats()).containsExactly("111");
        assertThat(video.mediaLine().formats()).containsExactly("96", "97");
        assertThat(video.fmtp(97).orElseThrow().get("apt")).isEqualTo("96");
        assertThat(video.iceUfrag()).contains(transport.localIce().ufrag());
        assertThat(video.setup().orElseThrow().sdpName()).isEqualTo("passive");
        assertThat(video.extmaps()).extracting(e -> e.uri()).doesNotContain(
                "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01");
        assertThat(video.candidates()).hasSize(1);
        assertThat(a.newTracks()).containsExactly(
                new PublishedTrackOffer("0", Codec.OPUS, 111, -1, 2109626664L, 0, false),
                new PublishedTrackOffer("1", Codec.VP8, 96, 97, 604040930L, 2540043347L, false));
    }

    @Test
    void theClientsPreferenceOrderPicksH264ConstrainedBaselineWithPacketizationMode1() throws Exception {
        String offer = chromiumOffer().replace("m=video 9 UDP/TLS/RTP/SAVPF 96 97 102", "m=video 9 UDP/TLS/RTP/SAVPF 104 102 108 96 97 102");
        PublisherAnswer a = answer(offer, Set.of());
        // 104 is packetization-mode 0 and 102 is 42001f: both skipped; 108 is 42e01f mode 1.
        assertThat(a.newTracks().get(1).codec()).isEqualTo(Codec.H264);
        assertThat(a.newTracks().get(1).payloadType()).isEqualTo(108);
        assertThat(a.newTracks().get(1).rtxPayloadType()).isEqualTo(109);
    }

    @Test
    void sectionsAlreadyPublishedAreAnsweredButAddNoTrack() throws Exception {
        PublisherAnswer a = answer(chromiumOffer(), Set.of("0"));
        assertThat(a.newTracks()).extracting(PublishedTrackOffer::mid).containsExactly("1");
        assertThat(SessionDescription.parse(a.sdp()).media()).hasSize(2);
    }

    @Test
    void badSdpIsRefusedWithAReason() throws Exception {
        assertThatThrownBy(() -> answer("hello", Set.of())).isInstanceOf(SdpException.class);
        String noCodec = chromiumOffer().replaceAll("(?m)^a=rtpmap:111 opus/48000/2", "a=rtpmap:111 speex/48000")
                .replaceAll("(?m)^a=rtpmap:96 VP8/90000", "a=rtpmap:96 AV1X/90000");
        PublisherAnswer partial = answer(noCodec, Set.of());
        // Audio has other codecs Parley does not forward (G.722, PCMU...): rejected, port 0; video keeps H.264 42e01f.
        assertThat(SessionDescription.parse(partial.sdp()).media().get(0).mediaLine().port()).isZero();
        assertThat(partial.newTracks()).extracting(PublishedTrackOffer::codec).containsExactly(Codec.H264);
        String noIce = chromiumOffer().replaceAll("(?m)^a=ice-ufrag:.*\\r?\\n", "");
        assertThatThrownBy(() -> RemotePeer.of(RemotePeer.parse(noIce))).isInstanceOf(SdpException.class)
                .hasMessageContaining("ice-ufrag");
    }

    @Test
    void theSubscriberOfferIsReadableSdpWithInactiveReusedSections() throws Exception {
        SubscriberSlot audio = new SubscriberSlot("0", "audio");
        audio.streamId = "s1";
        audio.codec = Codec.OPUS;
        audio.ssrc = 1234;
        SubscriberSlot video = new SubscriberSlot("1", "video");
        video.codec = Codec.H264;
        SessionDescription sdp = SessionDescription.parse(SubscriberOffer.write(List.of(audio, video), transport, CANDIDATE, 9, 3));
        assertThat(sdp.media().get(0).direction()).isEqualTo(Direction.SENDONLY);
        assertThat(sdp.media().get(0).msids().get(0).streamId()).isEqualTo("s1");
        assertThat(sdp.media().get(0).ssrcs().get(0).ssrc()).isEqualTo(1234);
        assertThat(sdp.media().get(1).direction()).isEqualTo(Direction.INACTIVE);
        assertThat(sdp.media().get(1).mediaLine().formats()).containsExactly("102");
        assertThat(sdp.media().get(1).setup().orElseThrow().sdpName()).isEqualTo("actpass");
    }
}
