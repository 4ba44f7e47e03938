package io.parley.transport.ice;

import io.parley.wire.stun.StunCredentials;
import io.parley.wire.stun.StunMessage;
import io.parley.wire.stun.StunMessageType;
import io.parley.wire.stun.StunWriter;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Java SDK's ICE agent (RFC 8445), full and controlling, for talking to Parley's ICE-lite
 * server: it checks the server's candidates in turn, nominates the first pair that answers
 * (the answer must come from where the check went, §7.2.5.2.1) with a second check that
 * carries USE-CANDIDATE (regular nomination, §8.1.1), and afterwards keeps consent fresh
 * (RFC 7675 §5.1: a check every 4 to 6 s, failure after 30 s without an answer).
 * All methods run on the {@code timer}'s thread, the port's event loop.
 */
public final class IceControllingAgent {
    /** Pace of checks until the pair is nominated (RFC 8445 §14.2 allows 50 ms; one pair needs no hurry). */
    static final long CHECK_INTERVAL_MS = 100;
    /** RFC 8445 §5.1.2.1 priority of a peer-reflexive candidate, component 1. */
    private static final long PRFLX_PRIORITY = (110L << 24) | (65535L << 8) | 255;
    private static final int RING = 8;

    private enum Kind { CHECK, NOMINATE, CONSENT }

    private enum State { NEW, CHECKING, NOMINATING, NOMINATED, DONE }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IceCredentials local;
    private final IceCredentials remote;
    private final List<InetSocketAddress> candidates;
    private InetSocketAddress nominee;
    private int nextCandidate;
    private final DatagramSender sender;
    private final ScheduledExecutorService timer;
    private final IceListener listener;
    private final long iceTimeoutMillis;
    private final long consentTimeoutMillis;
    private final byte[] remoteKey;
    private final byte[] localKey;
    private final StunReply reply = new StunReply();
    private final String username;
    private final long tieBreaker = RANDOM.nextLong();
    private final byte[] buf = new byte[548];
    private final StunWriter writer = new StunWriter(buf, 0);
    private final byte[][] sentIds = new byte[RING][StunMessage.TRANSACTION_ID_LENGTH];
    private final Kind[] sentKinds = new Kind[RING];
    private final InetSocketAddress[] sentTargets = new InetSocketAddress[RING];
    private int nextSlot;
    private State state = State.NEW;
    private long startedNanos;
    private long lastAnswerNanos;
    private ScheduledFuture<?> ticker;

    /**
     * @param candidates       the server's candidates from its SDP, in priority order
     * @param iceTimeoutMillis how long checks may go unanswered before ICE fails
     * @param consentTimeoutMillis how long consent lasts without an answer (RFC 7675 §5.1: 30 s)
     */
    public IceControllingAgent(IceCredentials local, IceCredentials remote, List<InetSocketAddress> candidates,
                               DatagramSender sender, ScheduledExecutorService timer, IceListener listener,
                               long iceTimeoutMillis, long consentTimeoutMillis) {
        this.local = local;
        this.remote = remote;
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("ICE needs at least one remote candidate");
        }
        this.candidates = List.copyOf(candidates);
        this.sender = sender;
        this.timer = timer;
        this.listener = listener;
        this.iceTimeoutMillis = iceTimeoutMillis;
        this.consentTimeoutMillis = consentTimeoutMillis;
        this.remoteKey = StunCredentials.shortTermKey(remote.pwd());
        this.localKey = StunCredentials.shortTermKey(local.pwd());
        this.username = remote.ufrag() + ":" + local.ufrag();
    }

    /** Starts checking; call on the timer's thread or from any thread before traffic flows. */
    public void start() {
        timer.execute(() -> {
            if (state != State.NEW) {
                return;
            }
            state = State.CHECKING;
            startedNanos = System.nanoTime();
            ticker = timer.scheduleWithFixedDelay(this::tick, 0, CHECK_INTERVAL_MS, TimeUnit.MILLISECONDS);
        });
    }

    public void close() {
        timer.execute(() -> {
            state = State.DONE;
            if (ticker != null) {
                ticker.cancel(false);
            }
        });
    }

    /** Handles a STUN message that came from the server's address. */
    public void onStun(StunMessage msg, InetSocketAddress from) {
        int cls = msg.messageClass();
        if (msg.method() == StunMessageType.BINDING && cls == StunMessageType.REQUEST) {
            answer(msg, from);
            return;
        }
        if (msg.method() != StunMessageType.BINDING
                || (cls != StunMessageType.SUCCESS_RESPONSE && cls != StunMessageType.ERROR_RESPONSE)) {
            return;
        }
        int slot = sentSlot(msg);
        // RFC 8489 §9.1.4: a response is ours only with our transaction ID and the peer's integrity;
        // RFC 8445 §7.2.5.2.1: and only from the address the check went to.
        if (slot < 0 || !from.equals(sentTargets[slot]) || !msg.hasFingerprint() || !msg.checkFingerprint() || !msg.checkMessageIntegrity(remoteKey)) {
            return;
        }
        if (cls == StunMessageType.ERROR_RESPONSE) {
            // 487 from a lite agent cannot happen (it is always controlled); anything else, we retry.
            return;
        }
        Kind kind = sentKinds[slot];
        lastAnswerNanos = System.nanoTime();
        if (state == State.CHECKING) {
            state = State.NOMINATING;
            nominee = from;
            send(Kind.NOMINATE, nominee);
        } else if (state == State.NOMINATING && kind == Kind.NOMINATE) {
            state = State.NOMINATED;
            ticker.cancel(false);
            scheduleConsent();
            listener.validated(from);
            listener.nominated(from);
        }
    }

    /**
     * A full agent answers the peer's checks too (RFC 8445 §7.3): Parley's ICE-lite server sends
     * none, but Janus's libnice in lite mode does, and holds back its DTLS until they succeed.
     * Requests that do not name our ufrag or fail integrity get no answer.
     */
    private void answer(StunMessage msg, InetSocketAddress from) {
        String user = msg.username();
        if (state == State.DONE || user == null || !msg.hasFingerprint() || !msg.checkFingerprint()
                || !user.startsWith(local.ufrag() + ":") || !msg.hasMessageIntegrity()
                || !msg.checkMessageIntegrity(localKey)) {
            return;
        }
        sender.send(from, reply.buffer(), 0, reply.success(msg, from, localKey));
    }

    private void tick() {
        if (state == State.DONE) {
            return;
        }
        if (elapsedMillis(startedNanos) > iceTimeoutMillis) {
            fail("no answer to ICE checks from " + candidates + " within " + iceTimeoutMillis + " ms");
            return;
        }
        if (state == State.NOMINATING) {
            send(Kind.NOMINATE, nominee);
        } else {
            send(Kind.CHECK, candidates.get(nextCandidate));
            nextCandidate = (nextCandidate + 1) % candidates.size();
        }
    }

    private void scheduleConsent() {
        // RFC 7675 §5.1: every 5 s for the 30 s expiry, randomized by ±20 % so peers do not synchronize.
        long base = Math.max(50, consentTimeoutMillis / 6);
        long delay = base * 4 / 5 + RANDOM.nextInt((int) Math.max(1, base * 2 / 5));
        ticker = timer.schedule(() -> {
            if (state != State.NOMINATED) {
                return;
            }
            if (elapsedMillis(lastAnswerNanos) > consentTimeoutMillis) {
                fail("consent expired: no answer from " + nominee + " for " + consentTimeoutMillis + " ms (RFC 7675)");
                return;
            }
            send(Kind.CONSENT, nominee);
            scheduleConsent();
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void send(Kind kind, InetSocketAddress to) {
        byte[] id = sentIds[nextSlot];
        RANDOM.nextBytes(id);
        sentKinds[nextSlot] = kind;
        sentTargets[nextSlot] = to;
        nextSlot = (nextSlot + 1) % RING;
        writer.start(StunMessageType.BINDING_REQUEST, id)
                .username(username)
                .priority(PRFLX_PRIORITY)
                .iceControlling(tieBreaker);
        if (kind == Kind.NOMINATE) {
            writer.useCandidate();
        }
        writer.messageIntegrity(remoteKey).fingerprint();
        sender.send(to, buf, 0, writer.length());
    }

    private int sentSlot(StunMessage msg) {
        for (int i = 0; i < RING; i++) {
            if (sentKinds[i] != null && msg.transactionIdEquals(sentIds[i], 0)) {
                return i;
            }
        }
        return -1;
    }

    private void fail(String reason) {
        state = State.DONE;
        if (ticker != null) {
            ticker.cancel(false);
        }
        listener.failed(reason);
    }

    private static long elapsedMillis(long sinceNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos);
    }

    public IceCredentials localCredentials() {
        return local;
    }
}
