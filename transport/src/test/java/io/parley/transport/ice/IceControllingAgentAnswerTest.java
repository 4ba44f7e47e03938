package io.parley.transport.ice;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.wire.stun.StunCredentials;
import io.parley.wire.stun.StunMessage;
import io.parley.wire.stun.StunMessageType;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our controlling agent answering the peer's own checks (RFC 8445 §7.3), as an ICE-lite Janus
 * (libnice) sends them before it opens DTLS; checks that do not authenticate get no answer.
 */
class IceControllingAgentAnswerTest {
    private static final IceCredentials OURS = new IceCredentials("ourU", "ourPassword0123456789012");
    private static final IceCredentials PEER = new IceCredentials("janU", "janusPassword0123456789");
    private static final InetSocketAddress PEER_ADDRESS = new InetSocketAddress("127.0.0.1", 20002);

    private final List<byte[]> sent = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final IceControllingAgent agent = new IceControllingAgent(OURS, PEER, List.of(PEER_ADDRESS),
            (to, b, o, l) -> sent.add(Arrays.copyOfRange(b, o, o + l)), timer, new IceListener() {
                @Override
                public void validated(InetSocketAddress remote) {
                    events.add("validated");
                }

                @Override
                public void nominated(InetSocketAddress remote) {
                    events.add("nominated");
                }

                @Override
                public void failed(String reason) {
                    events.add("failed");
                }
            }, 5_000, 30_000);

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    private void deliver(byte[] datagram) throws Exception {
        agent.onStun(StunMessage.parse(datagram, 0, datagram.length), PEER_ADDRESS);
    }

    @Test
    void a_check_from_a_controlled_peer_gets_a_success_signed_with_our_password() throws Exception {
        deliver(IceLiteAgentTest.check("ourU:janU", OURS.pwd(), false, true, true));
        assertThat(sent).hasSize(1);
        StunMessage r = StunMessage.parse(sent.get(0), 0, sent.get(0).length);
        assertThat(r.messageType()).isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
        assertThat(r.xorMappedAddress()).isEqualTo(PEER_ADDRESS);
        assertThat(r.checkMessageIntegrity(StunCredentials.shortTermKey(OURS.pwd()))).isTrue();
        assertThat(r.checkFingerprint()).isTrue();
        assertThat(r.transactionId()[0]).isEqualTo((byte) 42);
        // Answering a check neither validates nor nominates: our own checks decide (we control).
        assertThat(events).isEmpty();
    }

    @Test
    void checks_that_do_not_authenticate_get_no_answer() throws Exception {
        deliver(IceLiteAgentTest.check("ourU:janU", PEER.pwd(), false, true, true));
        deliver(IceLiteAgentTest.check("other:janU", OURS.pwd(), false, true, true));
        deliver(IceLiteAgentTest.check("ourU:janU", null, false, true, true));
        deliver(IceLiteAgentTest.check("ourU:janU", OURS.pwd(), false, true, false));
        assertThat(sent).isEmpty();
        assertThat(events).isEmpty();
    }
}
