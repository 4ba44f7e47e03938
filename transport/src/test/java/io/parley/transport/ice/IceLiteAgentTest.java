package io.parley.transport.ice;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.wire.stun.StunCredentials;
import io.parley.wire.stun.StunMessage;
import io.parley.wire.stun.StunMessageType;
import io.parley.wire.stun.StunWriter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's ICE-lite agent answering Binding requests (RFC 8445 §7.3) as a browser sends them. */
class IceLiteAgentTest {
    private static final IceCredentials SERVER = new IceCredentials("srvU", "serverPassword0123456789");
    private static final IceCredentials BROWSER = new IceCredentials("brwU", "browserPassword0123456789");
    private static final InetSocketAddress HOME = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress MOVED = new InetSocketAddress("127.0.0.1", 40001);

    private final List<byte[]> sent = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final IceLiteAgent agent = new IceLiteAgent(SERVER, (to, b, o, l) -> sent.add(Arrays.copyOfRange(b, o, o + l)),
            new IceListener() {
                @Override
                public void validated(InetSocketAddress remote) {
                    events.add("validated " + remote.getPort());
                }

                @Override
                public void nominated(InetSocketAddress remote) {
                    events.add("nominated " + remote.getPort());
                }

                @Override
                public void failed(String reason) {
                    events.add("failed " + reason);
                }
            });

    IceLiteAgentTest() {
        agent.setRemoteCredentials(BROWSER);
    }

    /** A check as a controlling browser writes it (RFC 8445 §7.2.2). */
    static byte[] check(String username, String pwd, boolean useCandidate, boolean controlled, boolean fingerprint) {
        byte[] buf = new byte[300];
        byte[] id = new byte[12];
        id[0] = 42;
        StunWriter w = new StunWriter(buf, 0).start(StunMessageType.BINDING_REQUEST, id)
                .username(username).priority(1853824767L);
        if (controlled) {
            w.iceControlled(7);
        } else {
            w.iceControlling(7);
        }
        if (useCandidate) {
            w.useCandidate();
        }
        if (pwd != null) {
            w.messageIntegrity(StunCredentials.shortTermKey(pwd));
        }
        if (fingerprint) {
            w.fingerprint();
        }
        return Arrays.copyOf(buf, w.length());
    }

    private IceLiteAgent.Outcome deliver(byte[] datagram, InetSocketAddress from) throws Exception {
        return agent.onStun(StunMessage.parse(datagram, 0, datagram.length), from);
    }

    private StunMessage lastReply() throws Exception {
        byte[] r = sent.get(sent.size() - 1);
        return StunMessage.parse(r, 0, r.length);
    }

    @Test
    void a_valid_check_gets_a_success_with_the_mapped_address_integrity_and_fingerprint() throws Exception {
        assertThat(deliver(check("srvU:brwU", SERVER.pwd(), false, false, true), HOME)).isEqualTo(IceLiteAgent.Outcome.ANSWERED);
        StunMessage r = lastReply();
        assertThat(r.messageType()).isEqualTo(StunMessageType.BINDING_SUCCESS_RESPONSE);
        assertThat(r.xorMappedAddress()).isEqualTo(HOME);
        assertThat(r.checkMessageIntegrity(StunCredentials.shortTermKey(SERVER.pwd()))).isTrue();
        assertThat(r.checkFingerprint()).isTrue();
        assertThat(r.transactionId()[0]).isEqualTo((byte) 42);
        assertThat(events).containsExactly("validated 40000");
        assertThat(agent.nominatedAddress()).isNull();
    }

    @Test
    void use_candidate_nominates_and_a_nomination_from_a_new_address_is_followed() throws Exception {
        assertThat(deliver(check("srvU:brwU", SERVER.pwd(), true, false, true), HOME)).isEqualTo(IceLiteAgent.Outcome.NOMINATED);
        assertThat(deliver(check("srvU:brwU", SERVER.pwd(), true, false, true), HOME)).isEqualTo(IceLiteAgent.Outcome.ANSWERED);
        assertThat(deliver(check("srvU:brwU", SERVER.pwd(), true, false, true), MOVED)).isEqualTo(IceLiteAgent.Outcome.NOMINATED);
        assertThat(agent.nominatedAddress()).isEqualTo(MOVED);
        assertThat(events).containsExactly("validated 40000", "nominated 40000", "validated 40000", "validated 40001", "nominated 40001");
    }

    @Test
    void a_wrong_password_gets_401_and_validates_nothing() throws Exception {
        assertThat(deliver(check("srvU:brwU", "notThePassword0123456789", true, false, true), HOME))
                .isEqualTo(IceLiteAgent.Outcome.WRONG_INTEGRITY);
        assertThat(lastReply().errorCode()).isEqualTo(401);
        assertThat(lastReply().hasMessageIntegrity()).isFalse();
        assertThat(events).isEmpty();
    }

    @Test
    void a_username_naming_another_peer_gets_401() throws Exception {
        assertThat(deliver(check("srvU:other", SERVER.pwd(), false, false, true), HOME)).isEqualTo(IceLiteAgent.Outcome.WRONG_USERNAME);
        assertThat(deliver(check("srvX:brwU", SERVER.pwd(), false, false, true), HOME)).isEqualTo(IceLiteAgent.Outcome.WRONG_USERNAME);
        assertThat(lastReply().errorCode()).isEqualTo(401);
        assertThat(events).isEmpty();
    }

    @Test
    void a_check_without_integrity_gets_400() throws Exception {
        assertThat(deliver(check("srvU:brwU", null, false, false, true), HOME)).isEqualTo(IceLiteAgent.Outcome.BAD_REQUEST);
        assertThat(lastReply().errorCode()).isEqualTo(400);
    }

    @Test
    void a_check_without_fingerprint_is_dropped_unanswered() throws Exception {
        assertThat(deliver(check("srvU:brwU", SERVER.pwd(), false, false, false), HOME)).isEqualTo(IceLiteAgent.Outcome.BAD_FINGERPRINT);
        assertThat(sent).isEmpty();
    }

    @Test
    void a_peer_that_also_claims_the_controlled_role_gets_487() throws Exception {
        assertThat(deliver(check("srvU:brwU", SERVER.pwd(), false, true, true), HOME)).isEqualTo(IceLiteAgent.Outcome.ROLE_CONFLICT);
        StunMessage r = lastReply();
        assertThat(r.errorCode()).isEqualTo(487);
        assertThat(r.checkMessageIntegrity(StunCredentials.shortTermKey(SERVER.pwd()))).isTrue();
        assertThat(events).isEmpty();
    }

    @Test
    void an_unknown_comprehension_required_attribute_gets_420_listing_it() throws Exception {
        byte[] buf = new byte[300];
        StunWriter w = new StunWriter(buf, 0).start(StunMessageType.BINDING_REQUEST, new byte[12])
                .username("srvU:brwU").attribute(0x0031, new byte[4], 0, 4)
                .messageIntegrity(StunCredentials.shortTermKey(SERVER.pwd())).fingerprint();
        assertThat(deliver(Arrays.copyOf(buf, w.length()), HOME)).isEqualTo(IceLiteAgent.Outcome.UNKNOWN_ATTRIBUTE);
        assertThat(lastReply().errorCode()).isEqualTo(420);
        assertThat(lastReply().unknownAttributes()).containsExactly(0x0031);
    }

    @Test
    void indications_and_responses_are_ignored() throws Exception {
        byte[] buf = new byte[100];
        StunWriter w = new StunWriter(buf, 0).start(StunMessageType.BINDING_INDICATION, new byte[12]).fingerprint();
        assertThat(deliver(Arrays.copyOf(buf, w.length()), HOME)).isEqualTo(IceLiteAgent.Outcome.IGNORED);
        assertThat(sent).isEmpty();
    }
}
