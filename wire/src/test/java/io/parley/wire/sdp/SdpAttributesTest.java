package io.parley.wire.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.wire.WireFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Attribute forms the Chromium captures do not show, written from the RFCs' examples. */
class SdpAttributesTest {

    @Test
    void simulcastWithAlternativesAndPausedStreams() throws WireFormatException {
        // RFC 8853 §5.1: "a=simulcast:send 1;2,3 recv 4" and paused "~".
        Simulcast s = Attributes.SIMULCAST.parse("recv 1,~2;3 send ~4");
        assertThat(s.recv()).containsExactly(
                List.of(new Simulcast.Stream("1", false), new Simulcast.Stream("2", true)),
                List.of(new Simulcast.Stream("3", false)));
        assertThat(s.send()).containsExactly(List.of(new Simulcast.Stream("4", true)));
        assertThat(s.toString()).isEqualTo("send ~4 recv 1,~2;3");
        assertThatThrownBy(() -> Attributes.SIMULCAST.parse("send 1 send 2")).hasMessageContaining("two send");
    }

    @Test
    void ridWithRestrictions() throws WireFormatException {
        // RFC 8851 §11.1
        Rid rid = Attributes.RID.parse("5 send pt=99,102;max-width=1280;max-height=720");
        assertThat(rid.id()).isEqualTo("5");
        assertThat(rid.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(rid.restriction("pt")).isEqualTo("99,102");
        assertThat(rid.restriction("max-height")).isEqualTo("720");
        assertThat(rid.toString()).isEqualTo("5 send pt=99,102;max-width=1280;max-height=720");
        assertThat(Attributes.RID.parse("h recv").direction()).isEqualTo(Direction.RECVONLY);
    }

    @Test
    void reflexiveCandidateWithRelatedAddress() throws WireFormatException {
        // RFC 8839 §5.1 example, plus a Chromium-style extension.
        String text = "1 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998 generation 0";
        Candidate c = Attributes.CANDIDATE.parse(text);
        assertThat(c.type()).isEqualTo("srflx");
        assertThat(c.relatedAddress()).isEqualTo("10.0.1.1");
        assertThat(c.relatedPort()).isEqualTo(8998);
        assertThat(c.extension("generation")).isEqualTo("0");
        assertThat(c.toString()).isEqualTo(text);
        assertThatThrownBy(() -> Candidate.parseTrickled("1 1 UDP 1 1.2.3.4 5 typ host"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("candidate:");
        assertThatThrownBy(() -> Attributes.CANDIDATE.parse("1 1 UDP 1 1.2.3.4 5 typ host rport 9 raddr 1.1.1.1"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("out of place");
    }

    @Test
    void extmapWithDirectionAndAttributes() throws WireFormatException {
        // RFC 8285 §8: "a=extmap:2/sendrecv http://example.com/082005/ext.htm#xmeta short"
        Extmap e = Attributes.EXTMAP.parse("2/sendrecv http://example.com/082005/ext.htm#xmeta short");
        assertThat(e).isEqualTo(new Extmap(2, Direction.SENDRECV, "http://example.com/082005/ext.htm#xmeta", "short"));
        assertThat(e.toString()).isEqualTo("2/sendrecv http://example.com/082005/ext.htm#xmeta short");
        assertThat(Attributes.EXTMAP.parse("255 urn:x").id()).isEqualTo(255);
    }

    @Test
    void fingerprintAcceptsLowerCaseAndWritesUpperCase() throws WireFormatException {
        Fingerprint f = Attributes.FINGERPRINT.parse("SHA-256 ab:0c");
        assertThat(f.hashFunction()).isEqualTo("sha-256");
        assertThat(f.digest()).containsExactly(0xab, 0x0c);
        assertThat(f.toString()).isEqualTo("sha-256 AB:0C");
        assertThatThrownBy(() -> Attributes.FINGERPRINT.parse("sha-256 ab:0c:")).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> Attributes.FINGERPRINT.parse("sha-256 ab:0c:d")).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> Attributes.FINGERPRINT.parse("sha-256 ab:\u0660\u0661")).isInstanceOf(WireFormatException.class);
    }

    @Test
    void valueMissingFromAValuedAttribute() {
        assertThatThrownBy(() -> SessionDescription.parse("v=0\no=- 1 2 IN IP4 ::1\ns=-\nt=0 0\na=setup\n"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("SDP line 5").hasMessageContaining("value missing");
    }

    @Test
    void directionDefaultsToSendrecvAndReverses() {
        MediaDescription m = new MediaDescription(new MediaLine("audio", 9, 0, "UDP/TLS/RTP/SAVPF", List.of()));
        assertThat(m.direction()).isEqualTo(Direction.SENDRECV);
        m.setDirection(Direction.SENDONLY);
        m.setDirection(Direction.SENDONLY.reverse());
        assertThat(m.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(m.lines()).containsExactly(new SdpLine('a', "recvonly"));
    }

    @Test
    void typedValuesThatWouldNotParseAreRefused() {
        MediaDescription m = new MediaDescription(new MediaLine("audio", 9, 0, "UDP/TLS/RTP/SAVPF", List.of("0")));
        assertThatThrownBy(() -> m.setMid("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.add(new SdpLine('a', "rtpmap:0 PCMU"))).isInstanceOf(WireFormatException.class);
        assertThatThrownBy(() -> m.add(new SdpLine('o', "- 1 1 IN IP4 ::1"))).isInstanceOf(WireFormatException.class);
        assertThat(m.lines()).isEmpty();
    }
}
