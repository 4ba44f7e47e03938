package io.parley.transport;

import io.parley.transport.dtls.DtlsConnection;
import io.parley.transport.dtls.DtlsRole;
import io.parley.transport.dtls.Fingerprint;
import io.parley.transport.ice.IceControllingAgent;
import io.parley.transport.ice.IceCredentials;
import io.parley.transport.ice.IceLiteAgent;
import io.parley.transport.ice.IceListener;
import io.parley.transport.srtp.SrtpKeys;
import io.parley.transport.srtp.SrtpSession;
import io.parley.transport.udp.PacketRouter;
import io.parley.wire.stun.StunMessage;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ICE + DTLS-SRTP session on the shared port (RFC 8445, RFC 5764, RFC 3711): a publisher's or
 * a player's transport, however many streams it carries (RFC 8843 BUNDLE). It gives SDP its
 * ufrag, password and fingerprint, takes the peer's, reports connected, failed and closed with a
 * reason, protects and sends RTP/RTCP, and hands received packets, unprotected in place, to its
 * listener on the port's event loop, whose thread the listener must never block.
 */
public final class MediaTransport implements PacketRouter.Endpoint, IceListener, DtlsConnection.Listener {
    /** What the owner (the SFU, the SDK) hears. RTP and RTCP views are valid only during the call. */
    public interface Listener {
        default void connected() {
        }

        /** ICE or DTLS failed; the transport is closed. */
        default void failed(String reason) {
        }

        /** Closed by {@link #close}, by the peer, or because consent expired. */
        default void closed(String reason) {
        }

        void onRtp(byte[] buf, int off, int len);

        void onRtcp(byte[] buf, int off, int len);
    }

    /** The life of a transport; CONNECTED means SRTP keys are in place. */
    public enum State { NEW, CHECKING, CONNECTING, CONNECTED, FAILED, CLOSED }

    private static final Logger LOG = LoggerFactory.getLogger(MediaTransport.class);
    private static final int SCRATCH = 1500 + 64;
    private static final ThreadLocal<byte[]> SEND_SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH]);
    // Shared by all transports, so a flood spread over many sessions still writes one line per interval.
    private static final RateLimitedLog SRTP_LOG = new RateLimitedLog(LOG, "SRTP/SRTCP packet dropped (transport, why)", 10_000);
    private static final RateLimitedLog EARLY_LOG = new RateLimitedLog(LOG, "media before the DTLS keys dropped", 10_000);
    private static final RateLimitedLog STUN_LOG = new RateLimitedLog(LOG, "ICE check refused (transport, outcome)", 10_000);

    private final TransportHost host;
    private final DtlsRole role;
    private final IceCredentials localIce;
    private final Listener listener;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final List<InetSocketAddress> validated = new CopyOnWriteArrayList<>();
    private final long createdNanos = System.nanoTime();
    private final IceLiteAgent lite;
    private volatile IceControllingAgent controlling;
    private volatile DtlsConnection dtls;
    private volatile SrtpSession srtp;
    private volatile InetSocketAddress selected;
    private volatile InetSocketAddress dtlsPeer;
    private java.net.InetAddress handshakeSlot;
    private volatile long lastHeardNanos = System.nanoTime();
    private final LongAdder droppedBeforeKeys = new LongAdder();
    private final LongAdder srtpFailures = new LongAdder();
    private final LongAdder stunRejected = new LongAdder();

    MediaTransport(TransportHost host, DtlsRole role, Listener listener) {
        this(host, role, role == DtlsRole.SERVER, listener);
    }

    /**
     * @param iceLite true for the ICE-lite agent that waits for checks (the server), false for the
     *                controlling agent that sends them; independent of the DTLS role, because an
     *                ICE-lite peer such as Janus may take the DTLS client role (RFC 5763 §5)
     */
    MediaTransport(TransportHost host, DtlsRole role, boolean iceLite, Listener listener) {
        this.host = host;
        this.role = role;
        this.listener = listener;
        IceCredentials creds = IceCredentials.generate();
        // Both agents answer checks that name our ufrag (the controlling one for peers such as Janus).
        while (!host.router.registerUfrag(creds.ufrag(), this)) {
            creds = IceCredentials.generate();
        }
        this.localIce = creds;
        this.lite = iceLite ? new IceLiteAgent(localIce, host.port::send, this) : null;
    }

    /** Our a=ice-ufrag and a=ice-pwd. */
    public IceCredentials localIce() {
        return localIce;
    }

    /** Our a=fingerprint. */
    public Fingerprint localFingerprint() {
        return host.certificate.fingerprint();
    }

    /** Our a=setup: the server is passive (DTLS server), the SDK active. */
    public DtlsRole dtlsRole() {
        return role;
    }

    /** The port's address, the host candidate for SDP. */
    public InetSocketAddress localAddress() {
        return host.port.localAddress();
    }

    public State state() {
        return state.get();
    }

    /** The peer's address media goes to, once ICE has nominated one. */
    public InetSocketAddress remoteAddress() {
        return selected;
    }

    /** Applies the peer's SDP parameters and starts ICE; the server then waits for checks. */
    public void start(RemoteParameters remote) {
        if (!state.compareAndSet(State.NEW, State.CHECKING)) {
            throw new IllegalStateException("a transport starts once, from NEW; this one is " + state.get());
        }
        dtls = new DtlsConnection(role, host.certificate, remote.fingerprint(), host.handshakeExecutor,
                this::sendDtls, this, host.limits.handshakeTimeoutMillis(), host.profiles);
        if (lite != null) {
            lite.setRemoteCredentials(remote.ice());
        } else {
            if (remote.candidates().isEmpty()) {
                throw new IllegalArgumentException("the controlling agent needs the server's candidates");
            }
            // The port is this transport's own, so answers from any candidate are ours.
            for (InetSocketAddress c : remote.candidates()) {
                if (host.router.registerAddress(c, this)) {
                    validated.add(c);
                }
            }
            controlling = new IceControllingAgent(localIce, remote.ice(), remote.candidates(), host.port::send,
                    host.port.eventLoop(), this, host.limits.setupTimeoutMillis(), host.limits.consentTimeoutMillis());
            controlling.start();
        }
    }

    /**
     * Protects an RTP packet and sends it to the peer. The caller's bytes are not changed.
     * Returns false when the transport is not connected or the packet is not RTP. Any thread.
     */
    public boolean sendRtp(byte[] buf, int off, int len) {
        return send(buf, off, len, false);
    }

    /** Protects an RTCP compound packet and sends it; see {@link #sendRtp}. */
    public boolean sendRtcp(byte[] buf, int off, int len) {
        return send(buf, off, len, true);
    }

    private boolean send(byte[] buf, int off, int len, boolean rtcp) {
        SrtpSession s = srtp;
        InetSocketAddress to = selected;
        if (s == null || to == null || len > SCRATCH - 64) {
            return false;
        }
        byte[] out = SEND_SCRATCH.get();
        System.arraycopy(buf, off, out, 0, len);
        int n = rtcp ? s.protectRtcp(out, 0, len) : s.protectRtp(out, 0, len);
        if (n < 0) {
            return false;
        }
        host.port.send(to, out, 0, n);
        return true;
    }

    /** Ends the session: close_notify to the peer, keys wiped, the port forgets it. */
    public void close() {
        finish(State.CLOSED, "closed locally");
    }

    /** SRTP/SRTCP packets that failed authentication or replay checks. */
    public long srtpFailures() {
        return srtpFailures.sum();
    }

    /** Media that arrived before the keys, dropped. */
    public long droppedBeforeKeys() {
        return droppedBeforeKeys.sum();
    }

    /** STUN requests refused (wrong credentials, malformed, role conflict). */
    public long stunRejected() {
        return stunRejected.sum();
    }

    // ---- receive path, on the port's event loop ----

    @Override
    public void onStun(StunMessage msg, InetSocketAddress from) {
        if (lite != null) {
            IceLiteAgent.Outcome o = lite.onStun(msg, from);
            if (o != IceLiteAgent.Outcome.ANSWERED && o != IceLiteAgent.Outcome.NOMINATED && o != IceLiteAgent.Outcome.IGNORED) {
                stunRejected.increment();
                STUN_LOG.warn(localIce.ufrag(), o);
            }
        } else if (controlling != null) {
            controlling.onStun(msg, from);
        }
    }

    @Override
    public void onDtls(byte[] buf, int off, int len, InetSocketAddress from) {
        DtlsConnection d = dtls;
        if (d == null) {
            droppedBeforeKeys.increment();
            EARLY_LOG.warn(localIce.ufrag(), from);
            return;
        }
        if (role == DtlsRole.SERVER && !d.isConnected() && !claimHandshake(from)) {
            return;
        }
        dtlsPeer = from;
        d.receive(buf, off, len);
    }

    @Override
    public void onRtp(byte[] buf, int off, int len, InetSocketAddress from) {
        onMedia(buf, off, len, false);
    }

    @Override
    public void onRtcp(byte[] buf, int off, int len, InetSocketAddress from) {
        onMedia(buf, off, len, true);
    }

    /** Unprotects in place and hands the plain packet on: the steady-state path, no allocation. */
    private void onMedia(byte[] buf, int off, int len, boolean rtcp) {
        SrtpSession s = srtp;
        if (s == null) {
            droppedBeforeKeys.increment();
            EARLY_LOG.warn(localIce.ufrag(), rtcp ? "RTCP" : "RTP");
            return;
        }
        int n = rtcp ? s.unprotectRtcp(buf, off, len) : s.unprotectRtp(buf, off, len);
        if (n < 0) {
            srtpFailures.increment();
            SRTP_LOG.warn(localIce.ufrag(), SrtpSession.describe(n));
            return;
        }
        // Authenticated media is as good a proof of the peer's presence as a consent check.
        lastHeardNanos = System.nanoTime();
        if (rtcp) {
            listener.onRtcp(buf, off, n);
        } else {
            listener.onRtp(buf, off, n);
        }
    }

    // ---- ICE ----

    @Override
    public void validated(InetSocketAddress remote) {
        lastHeardNanos = System.nanoTime();
        if (validated.contains(remote)) {
            return;
        }
        if (validated.size() >= host.limits.maxAddressesPerTransport()) {
            InetSocketAddress oldest = validated.remove(0);
            if (!oldest.equals(selected)) {
                host.router.unregisterAddress(oldest, this);
            }
        }
        if (host.router.registerAddress(remote, this)) {
            validated.add(remote);
            if (isFinished()) {
                // Closed on another thread meanwhile: do not leave the address pointing here.
                host.router.unregisterAddress(remote, this);
            }
        }
        if (selected == null) {
            selected = remote;
        }
    }

    @Override
    public void nominated(InetSocketAddress remote) {
        InetSocketAddress before = selected;
        selected = remote;
        if (before != null && !before.equals(remote)) {
            LOG.info("ICE: peer moved from {} to {}", before, remote);
        }
        if (state.compareAndSet(State.CHECKING, State.CONNECTING) && role == DtlsRole.CLIENT) {
            dtls.start();
        }
    }

    @Override
    public void failed(String reason) {
        finish(State.FAILED, reason);
    }

    // ---- DTLS, on a handshake thread ----

    @Override
    public void closed(String reason) {
        finish(State.CLOSED, reason);
    }

    @Override
    public void connected(SrtpKeys keys) {
        releaseHandshake();
        srtp = new SrtpSession(keys);
        State s = state.get();
        if ((s == State.CONNECTING || s == State.CHECKING) && state.compareAndSet(s, State.CONNECTED)) {
            LOG.info("transport {} connected to {} with {}", localIce.ufrag(), selected, keys.profile());
            listener.connected();
        }
    }

    private void sendDtls(byte[] buf, int off, int len) {
        InetSocketAddress to = role == DtlsRole.SERVER && dtlsPeer != null ? dtlsPeer : selected;
        if (to != null) {
            host.port.send(to, buf, off, len);
        }
    }

    /** Called every second on the event loop: the setup deadline and consent freshness (RFC 7675 §5.1). */
    void checkTimers(long nowNanos) {
        State s = state.get();
        if (s == State.NEW || s == State.CHECKING || s == State.CONNECTING) {
            if (nowNanos - createdNanos > host.limits.setupTimeoutMillis() * 1_000_000L) {
                finish(State.FAILED, "not connected within " + host.limits.setupTimeoutMillis() + " ms");
            }
        } else if (s == State.CONNECTED && lite != null
                && nowNanos - lastHeardNanos > host.limits.consentTimeoutMillis() * 1_000_000L) {
            finish(State.CLOSED, "consent expired: nothing authenticated from the peer for "
                    + host.limits.consentTimeoutMillis() + " ms (RFC 7675)");
        }
    }

    /** Closed or failed: it sends and receives nothing more. */
    public boolean isFinished() {
        State s = state.get();
        return s == State.CLOSED || s == State.FAILED;
    }

    private void finish(State end, String reason) {
        State before = state.getAndUpdate(s -> s == State.CLOSED || s == State.FAILED ? s : end);
        if (before == State.CLOSED || before == State.FAILED) {
            return;
        }
        releaseHandshake();
        host.router.unregisterUfrag(localIce.ufrag(), this);
        for (InetSocketAddress a : validated) {
            host.router.unregisterAddress(a, this);
        }
        IceControllingAgent c = controlling;
        if (c != null) {
            c.close();
        }
        DtlsConnection d = dtls;
        if (d != null) {
            d.close();
        }
        SrtpSession s = srtp;
        if (s != null) {
            s.close();
        }
        LOG.info("transport {} {}: {}", localIce.ufrag(), end == State.FAILED ? "failed" : "closed", reason);
        if (end == State.FAILED) {
            listener.failed(reason);
        } else {
            listener.closed(reason);
        }
    }

    /** A server handshake holds one of the host's slots from its first record to its end. */
    private synchronized boolean claimHandshake(InetSocketAddress from) {
        if (handshakeSlot != null) {
            return true;
        }
        if (isFinished() || !host.beginHandshake(from.getAddress())) {
            return false;
        }
        handshakeSlot = from.getAddress();
        return true;
    }

    private synchronized void releaseHandshake() {
        if (handshakeSlot != null) {
            host.endHandshake(handshakeSlot);
            handshakeSlot = null;
        }
    }
}
