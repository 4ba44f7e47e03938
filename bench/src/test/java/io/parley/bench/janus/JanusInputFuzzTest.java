package io.parley.bench.janus;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.parley.transport.dtls.Fingerprint;
import io.parley.transport.ice.IceCredentials;
import io.parley.wire.WireFormatException;
import io.parley.wire.sdp.SessionDescription;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * What the adapter reads from Janus, fuzzed: replies and events, Janus's SDP (and our answer to
 * it, which must parse back), RTCP from Janus. Each either works or fails with a
 * {@link JanusException}; nothing else escapes. Seeds live in
 * {@code JanusInputFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class JanusInputFuzzTest {
    private static final JanusSdp.LocalSide LOCAL = new JanusSdp.LocalSide(new IceCredentials("ourU", "ourPassword0123456789012"),
            new Fingerprint(Fingerprint.SHA_256, new byte[32]), new InetSocketAddress("10.213.0.1", 40000));

    @FuzzTest
    void reply(byte[] data) {
        try {
            for (JanusReply r : JanusReply.parseAll(new String(data, StandardCharsets.UTF_8))) {
                r.videoroom();
            }
        } catch (JanusException expected) {
            // a clear refusal is the other allowed outcome
        }
    }

    @FuzzTest
    void sdp(byte[] data) throws WireFormatException {
        SessionDescription offer;
        try {
            offer = JanusSdp.parse(new String(data, StandardCharsets.UTF_8));
            JanusSdp.remote(offer);
        } catch (JanusException expected) {
            return;
        }
        String answer;
        try {
            answer = JanusSdp.subscriberAnswer(offer, LOCAL, 1);
        } catch (JanusException expected) {
            return;
        }
        SessionDescription.parse(answer);
    }

    @FuzzTest
    void rtcp(byte[] data) {
        RtcpFeedback.asksForKeyframe(data, 0, data.length);
    }
}
