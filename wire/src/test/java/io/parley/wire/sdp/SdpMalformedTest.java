package io.parley.wire.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.wire.WireFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Broken descriptions: each raises WireFormatException naming the line number and the line. */
class SdpMalformedTest {
    private static final String HEAD = "v=0\no=- 1 2 IN IP4 127.0.0.1\ns=-\nt=0 0\n";
    private static final String AUDIO = "m=audio 9 UDP/TLS/RTP/SAVPF 111\n";

    /** Builds HEAD + AUDIO + {@code line}, so that the bad line is always line 6. */
    private static String inAudio(String line) {
        return HEAD + AUDIO + line + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rtpmap without clock rate      | a=rtpmap:111 opus                | rtpmap",
        "rtpmap with a word as rate     | a=rtpmap:111 opus/fast            | clock rate",
        "rtpmap payload type too big    | a=rtpmap:128 opus/48000/2         | payload type",
        "rtpmap with four parts         | a=rtpmap:111 opus/48000/2/1       | rtpmap",
        "bad candidate: no typ          | a=candidate:1 1 udp 1 10.0.0.1 5 host x | typ",
        "bad candidate: port            | a=candidate:1 1 udp 1 10.0.0.1 99999 typ host | port",
        "bad candidate: odd extension   | a=candidate:1 1 udp 1 10.0.0.1 5 typ host generation | extension",
        "bad candidate: short           | a=candidate:1 1 udp        | fields",
        "fingerprint with bad hex       | a=fingerprint:sha-256 AB:CG:01 | hex",
        "fingerprint without separator  | a=fingerprint:sha-256 AB-CD    | hex",
        "fingerprint without digest     | a=fingerprint:sha-256          | fingerprint",
        "extmap id 0                    | a=extmap:0 urn:x               | extmap id",
        "extmap id 256                  | a=extmap:256 urn:x             | extmap id",
        "extmap bad direction           | a=extmap:1/sideways urn:x      | direction",
        "fmtp non-numeric pt            | a=fmtp:opus minptime=10        | number",
        "ssrc non-numeric               | a=ssrc:abc cname:x             | number",
        "ssrc too big                   | a=ssrc:4294967296 cname:x      | ssrc id",
        "ssrc-group non-numeric         | a=ssrc-group:FID 1 two         | number",
        "setup unknown                  | a=setup:both                   | setup",
        "rid bad direction              | a=rid:h sideways               | rid",
        "rid bad id                     | a=rid:h! send                  | rid id",
        "simulcast bad direction        | a=simulcast:up q;h             | simulcast",
        "simulcast empty alternative    | a=simulcast:send q;;f          | rid id",
        "sctp-port non-numeric          | a=sctp-port:x                  | number",
        "max-message-size negative      | a=max-message-size:-1          | number",
        "flag with a value              | a=rtcp-mux:yes                 | flag",
        "ice-ufrag bad character        | a=ice-ufrag:ab_c               | ice-char",
        "bad connection                 | c=IN IP4                       | c=",
        "bandwidth non-numeric          | b=AS:lots                      | number",
        "line type not allowed in media | t=0 0                          | not allowed",
        "no equals sign                 | a                              | <type>=<value>",
        "upper-case type                | A=foo                          | lower-case",
    })
    void badLineNamesItsNumber(String why, String line, String expected) {
        assertThatThrownBy(() -> SessionDescription.parse(inAudio(line)))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("SDP line 6 \"" + line + "\"")
                .hasMessageContaining(expected);
    }

    @Test
    void emptyInput() {
        assertThatThrownBy(() -> SessionDescription.parse("")).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> SessionDescription.parse("\r\n\r\n")).isInstanceOf(WireFormatException.class)
                .hasMessageContaining("no lines");
    }

    @Test
    void emptyLineInside() {
        assertThatThrownBy(() -> SessionDescription.parse(HEAD + "\n" + AUDIO))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("SDP line 5 \"\"");
    }

    @Test
    void missingVersion() {
        assertThatThrownBy(() -> SessionDescription.parse("o=- 1 2 IN IP4 127.0.0.1\ns=-\nt=0 0\n"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("SDP line 1").hasMessageContaining("v=0");
    }

    @Test
    void attributeBeforeVersion() {
        assertThatThrownBy(() -> SessionDescription.parse("a=ice-lite\n" + HEAD))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("SDP line 1 \"a=ice-lite\"");
    }

    @Test
    void versionOtherThanZero() {
        assertThatThrownBy(() -> SessionDescription.parse(HEAD.replace("v=0", "v=1")))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("SDP line 1");
    }

    @Test
    void secondVersionLine() {
        assertThatThrownBy(() -> SessionDescription.parse(HEAD + "v=0\n"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("SDP line 5");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "m=audio x UDP/TLS/RTP/SAVPF 111       | m= port",
        "m=audio 65536 UDP/TLS/RTP/SAVPF 111   | m= port",
        "m=audio -9 UDP/TLS/RTP/SAVPF 111      | m= port",
        "m=audio 9/0 UDP/TLS/RTP/SAVPF 111     | port count",
        "m=audio 9 UDP/TLS/RTP/SAVPF           | fields",
        "m=audio  9 UDP/TLS/RTP/SAVPF 111      | empty field",
    })
    void badMediaLine(String line, String expected) {
        assertThatThrownBy(() -> SessionDescription.parse(HEAD + line + "\n"))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("SDP line 5 \"" + line + "\"").hasMessageContaining(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "o=- x 2 IN IP4 127.0.0.1 | sess-id",
        "o=- 1 2 IN IP4           | 6 fields",
        "t=now 0                  | number",
    })
    void badSessionLine(String line, String expected) {
        String text = HEAD.replace(line.charAt(0) == 'o' ? "o=- 1 2 IN IP4 127.0.0.1" : "t=0 0", line);
        assertThatThrownBy(() -> SessionDescription.parse(text))
                .isInstanceOf(WireFormatException.class).hasMessageContaining(line).hasMessageContaining(expected);
    }

    @Test
    void missingRequiredLines() {
        assertThatThrownBy(() -> SessionDescription.parse("v=0\ns=-\nt=0 0\n"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("no o= line");
        assertThatThrownBy(() -> SessionDescription.parse("v=0\no=- 1 2 IN IP4 127.0.0.1\ns=-\n"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("no t= line");
    }

    @Test
    void unknownTypeLetterIsRejected() {
        assertThatThrownBy(() -> SessionDescription.parse(HEAD + "x=what\n"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("SDP line 5").hasMessageContaining("not allowed");
    }

    @Test
    void longLinesAreShortenedInTheMessage() {
        String line = "a=rtpmap:111 " + "x".repeat(500);
        assertThatThrownBy(() -> SessionDescription.parse(inAudio(line)))
                .isInstanceOf(WireFormatException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    }

    @Test
    void unknownAttributesAndLinesSurvive() throws WireFormatException {
        String text = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=A talk\r\ni=about things\r\nu=http://example.com/\r\n"
                + "e=a@example.com\r\np=+1 555\r\nc=IN IP4 192.0.2.1\r\nb=AS:300\r\nt=0 0\r\nr=7d 1h 0 25h\r\n"
                + "z=2882844526 -1h\r\nk=prompt\r\na=x-custom:anything: goes  here\r\na=tool\r\n"
                + "m=audio 09 RTP/AVP 0\r\ni=voice\r\nb=TIAS:64000\r\nk=prompt\r\na=x-flag\r\na=ptime:20\r\n";
        SessionDescription sdp = SessionDescription.parse(text);
        assertThat(sdp.write()).isEqualTo(text);
        assertThat(sdp.sessionName()).isEqualTo("A talk");
        assertThat(sdp.connection()).contains(new Connection("IN", "IP4", "192.0.2.1"));
        assertThat(sdp.media().get(0).mediaLine().port()).isEqualTo(9);
    }
}
