package io.parley.bench.janus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.sdk.media.MediaKind;
import io.parley.transport.dtls.DtlsCertificate;
import io.parley.transport.ice.IceCredentials;
import io.parley.wire.sdp.Direction;
import io.parley.wire.sdp.MediaDescription;
import io.parley.wire.sdp.SessionDescription;
import io.parley.wire.sdp.Setup;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our publisher offer and subscriber answer, and what we read from Janus's SDP. */
class JanusSdpTest {
    private static final IceCredentials ICE = new IceCredentials("ourU", "ourPassword0123456789012");
    private static final io.parley.transport.dtls.Fingerprint FP = DtlsCertificate.generate().fingerprint();
    private static final JanusSdp.LocalSide LOCAL = new JanusSdp.LocalSide(ICE, FP, new InetSocketAddress("10.213.0.1", 40000));

    @Test
    void the_publisher_offer_has_one_sendonly_bundled_section_per_track_with_our_transport() throws Exception {
        String text = JanusSdp.publisherOffer(LOCAL, List.of(
                new JanusSdp.PublishTrack(MediaKind.AUDIO, "0", 111, 0xAAAA),
                new JanusSdp.PublishTrack(MediaKind.VIDEO, "1", 96, 0xBBBB)), 42);
        SessionDescription sdp = SessionDescription.parse(text);
        assertThat(sdp.bundle()).containsExactly("0", "1");
        assertThat(sdp.media()).hasSize(2);
        MediaDescription audio = sdp.media().get(0);
        MediaDescription video = sdp.media().get(1);
        assertThat(audio.media()).isEqualTo("audio");
        assertThat(audio.mid()).contains("0");
        assertThat(audio.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(audio.setup()).contains(Setup.ACTPASS);
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(audio.iceUfrag()).contains("ourU");
        assertThat(audio.icePwd()).contains(ICE.pwd());
        assertThat(audio.fingerprints().get(0).digest()).isEqualTo(FP.digest());
        assertThat(audio.rtpmap(111).orElseThrow().encoding()).isEqualTo("opus");
        assertThat(audio.ssrcs().get(0).ssrc()).isEqualTo(0xAAAA);
        assertThat(audio.extmaps()).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo(JanusSdp.MID_EXTENSION_ID);
            assertThat(e.uri()).isEqualTo(JanusSdp.MID_URI);
        });
        assertThat(audio.candidates()).singleElement().satisfies(c -> {
            assertThat(c.address()).isEqualTo("10.213.0.1");
            assertThat(c.port()).isEqualTo(40000);
            assertThat(c.type()).isEqualTo("host");
        });
        assertThat(video.rtpmap(96).orElseThrow().encoding()).isEqualTo("VP8");
        assertThat(video.rtcpFbs(96)).extracting(f -> f.type() + " " + f.subtype()).contains("nack null", "nack pli", "ccm fir");
        assertThat(video.ssrcs().get(0).ssrc()).isEqualTo(0xBBBB);
    }

    @Test
    void janus_answer_gives_credentials_fingerprint_active_setup_and_its_candidate() throws Exception {
        JanusReply r = Samples.reply("configured-event.json");
        JanusSdp.RemoteSide remote = JanusSdp.remote(JanusSdp.parse(r.jsep().sdp()));
        assertThat(remote.ice()).isEqualTo(new IceCredentials("abcd", "Zyxwvutsrqponmlkjihgfe"));
        assertThat(remote.setup()).isEqualTo(Setup.ACTIVE);
        assertThat(remote.fingerprint().toSdp()).isEqualTo("sha-256 0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9:"
                + "0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9");
        assertThat(remote.candidates()).containsExactly(new InetSocketAddress("10.213.0.2", 20400));
        assertThat(remote.payloadKinds()).isEqualTo(Map.of(111, MediaKind.AUDIO, 96, MediaKind.VIDEO));
    }

    @Test
    void the_subscriber_answer_takes_opus_and_vp8_recvonly_as_dtls_server_and_rejects_the_data_channel() throws Exception {
        SessionDescription offer = JanusSdp.parse(Samples.reply("attached-event.json").jsep().sdp());
        JanusSdp.RemoteSide remote = JanusSdp.remote(offer);
        // Only the IPv4 candidate: our transport binds IPv4.
        assertThat(remote.candidates()).containsExactly(new InetSocketAddress("10.213.0.2", 20402));
        assertThat(remote.payloadKinds()).isEqualTo(Map.of(111, MediaKind.AUDIO, 100, MediaKind.VIDEO));

        SessionDescription answer = SessionDescription.parse(JanusSdp.subscriberAnswer(offer, LOCAL, 42));
        assertThat(answer.bundle()).containsExactly("0", "1");
        assertThat(answer.media()).extracting(MediaDescription::media).containsExactly("audio", "video", "application");
        MediaDescription audio = answer.media().get(0);
        MediaDescription video = answer.media().get(1);
        MediaDescription data = answer.media().get(2);
        assertThat(audio.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(audio.setup()).contains(Setup.PASSIVE);
        assertThat(audio.mediaLine().formats()).containsExactly("111");
        assertThat(audio.extmaps()).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo(4));
        assertThat(video.mediaLine().formats()).containsExactly("100");
        assertThat(video.rtpmap(100).orElseThrow().encoding()).isEqualTo("VP8");
        assertThat(video.candidates()).singleElement().satisfies(c -> assertThat(c.port()).isEqualTo(40000));
        assertThat(data.mediaLine().port()).isZero();
        assertThat(data.mid()).contains("2");
    }

    @Test
    void an_offer_without_opus_or_vp8_is_refused() throws Exception {
        String h264 = Samples.reply("attached-event.json").jsep().sdp()
                .replace("opus/48000/2", "PCMU/8000").replace("VP8/90000", "H264/90000");
        SessionDescription offer = JanusSdp.parse(h264);
        assertThatThrownBy(() -> JanusSdp.subscriberAnswer(offer, LOCAL, 1))
                .isInstanceOf(JanusException.class).hasMessageContaining("no Opus or VP8");
    }

    @Test
    void sdp_without_transport_values_or_not_sdp_at_all_is_refused_with_a_clear_error() throws Exception {
        String noFingerprint = Samples.reply("configured-event.json").jsep().sdp().replaceAll("a=fingerprint:[^\r]*\r\n", "");
        assertThatThrownBy(() -> JanusSdp.remote(JanusSdp.parse(noFingerprint)))
                .isInstanceOf(JanusException.class).hasMessageContaining("sha-256 a=fingerprint")
                .satisfies(e -> assertThat(((JanusException) e).code()).isEqualTo(JanusException.SDP));
        assertThatThrownBy(() -> JanusSdp.parse("hello")).hasMessageContaining("unreadable SDP from Janus");
        String noMedia = "v=0\r\no=- 1 1 IN IP4 10.213.0.2\r\ns=-\r\nt=0 0\r\n";
        assertThatThrownBy(() -> JanusSdp.remote(JanusSdp.parse(noMedia))).hasMessageContaining("no m-section");
    }
}
