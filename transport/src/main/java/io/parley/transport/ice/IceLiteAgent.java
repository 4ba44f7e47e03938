package io.parley.transport.ice;

import io.parley.wire.stun.StunCredentials;
import io.parley.wire.stun.StunMessage;
import io.parley.wire.stun.StunMessageType;
import java.net.InetSocketAddress;

/**
 * The server's ICE-lite agent (RFC 8445 §2.5): it has one host candidate, never sends checks, is
 * always controlled, and answers the peer's Binding requests (§7.3) after checking USERNAME and
 * MESSAGE-INTEGRITY. A request with USE-CANDIDATE nominates its source address (§7.3.1.5); a later
 * nomination from a new address with valid credentials moves the transport there, which is how a
 * peer that changes network is followed. Event-loop thread only.
 */
public final class IceLiteAgent {
    /** What became of one STUN message, for the transport's counters. */
    public enum Outcome {
        ANSWERED, NOMINATED, BAD_FINGERPRINT, BAD_REQUEST, WRONG_USERNAME, WRONG_INTEGRITY, ROLE_CONFLICT, UNKNOWN_ATTRIBUTE, IGNORED
    }

    private final IceCredentials local;
    private final byte[] integrityKey;
    private final DatagramSender sender;
    private final IceListener listener;
    private final StunReply reply = new StunReply();
    private volatile IceCredentials remote;
    private InetSocketAddress nominated;

    public IceLiteAgent(IceCredentials local, DatagramSender sender, IceListener listener) {
        this.local = local;
        this.integrityKey = StunCredentials.shortTermKey(local.pwd());
        this.sender = sender;
        this.listener = listener;
    }

    public IceCredentials localCredentials() {
        return local;
    }

    /** The peer's a=ice-ufrag and a=ice-pwd from its SDP; checks must name this ufrag once known. */
    public void setRemoteCredentials(IceCredentials remote) {
        this.remote = remote;
    }

    public InetSocketAddress nominatedAddress() {
        return nominated;
    }

    /** Handles a STUN message the router matched to this agent's ufrag or address. */
    public Outcome onStun(StunMessage msg, InetSocketAddress from) {
        if (msg.method() != StunMessageType.BINDING || msg.messageClass() != StunMessageType.REQUEST) {
            // Binding indications are keepalives (RFC 8445 §11); a lite agent sends no requests, so expects no responses.
            return Outcome.IGNORED;
        }
        if (!msg.hasFingerprint() || !msg.checkFingerprint()) {
            // RFC 8445 §7.2.2 makes FINGERPRINT mandatory; without it this may not be STUN at all.
            return Outcome.BAD_FINGERPRINT;
        }
        int[] unknown = msg.unknownComprehensionRequired();
        if (unknown.length > 0) {
            send(from, reply.error(msg, 420, "Unknown Attribute", null, unknown));
            return Outcome.UNKNOWN_ATTRIBUTE;
        }
        String username = msg.username();
        if (username == null || !msg.hasMessageIntegrity()) {
            send(from, reply.error(msg, 400, "Bad Request", null));
            return Outcome.BAD_REQUEST;
        }
        if (!usernameMatches(username)) {
            send(from, reply.error(msg, 401, "Unauthorized", null));
            return Outcome.WRONG_USERNAME;
        }
        if (!msg.checkMessageIntegrity(integrityKey)) {
            send(from, reply.error(msg, 401, "Unauthorized", null));
            return Outcome.WRONG_INTEGRITY;
        }
        if (msg.iceControlled().isPresent()) {
            // RFC 8445 §7.3.1.1: both sides think they are controlled. A lite agent cannot take the
            // controlling role (§6.1.1), so it acts as if its tie-breaker always wins: 487 tells the
            // full agent to switch.
            send(from, reply.error(msg, 487, "Role Conflict", integrityKey));
            return Outcome.ROLE_CONFLICT;
        }
        send(from, reply.success(msg, from, integrityKey));
        listener.validated(from);
        if (msg.useCandidate() && !from.equals(nominated)) {
            nominated = from;
            listener.nominated(from);
            return Outcome.NOMINATED;
        }
        return Outcome.ANSWERED;
    }

    /** RFC 8445 §7.3.1.3 via §7.2.2: USERNAME is "receiver-ufrag:sender-ufrag". */
    private boolean usernameMatches(String username) {
        int colon = username.indexOf(':');
        if (colon != local.ufrag().length() || !username.startsWith(local.ufrag())) {
            return false;
        }
        IceCredentials r = remote;
        return r == null || username.regionMatches(colon + 1, r.ufrag(), 0, r.ufrag().length())
                && username.length() == colon + 1 + r.ufrag().length();
    }

    private void send(InetSocketAddress to, int len) {
        sender.send(to, reply.buffer(), 0, len);
    }
}
