package io.parley.bench.janus;

import io.parley.transport.MediaTransport;
import io.parley.transport.RemoteParameters;
import io.parley.wire.sdp.Setup;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a publisher and a subscriber to Janus share: our transport in the DTLS server role
 * (Janus, ICE-lite, always takes {@code a=setup:active}, RFC 5763 §5) started with Janus's values,
 * and the wait for it to connect.
 */
final class JanusPeer {
    private static final Logger LOG = LoggerFactory.getLogger(JanusPeer.class);
    static final long CONNECT_TIMEOUT_MILLIS = 15_000;

    private JanusPeer() {
    }

    /** A transport listener whose connected, failed and closed complete one future. */
    abstract static class ConnectionListener implements MediaTransport.Listener {
        final CompletableFuture<Void> connected = new CompletableFuture<>();

        @Override
        public void connected() {
            connected.complete(null);
        }

        @Override
        public void failed(String reason) {
            connected.completeExceptionally(new JanusException(JanusException.TRANSPORT, reason));
        }

        @Override
        public void closed(String reason) {
            connected.completeExceptionally(new JanusException(JanusException.TRANSPORT, reason));
        }
    }

    /** Checks that Janus will open the DTLS handshake and gave a candidate, then starts ICE towards it. */
    static void start(MediaTransport t, JanusSdp.RemoteSide remote, Setup... allowed) throws JanusException {
        boolean ok = false;
        for (Setup s : allowed) {
            ok |= s == remote.setup();
        }
        if (!ok) {
            throw new JanusException(JanusException.SDP, "Janus's SDP says a=setup:" + remote.setup()
                    + "; our transport here is the DTLS server and needs Janus to be active");
        }
        if (remote.candidates().isEmpty()) {
            throw new JanusException(JanusException.SDP, "Janus's SDP has no UDP IPv4 candidate (is it in its namespace, with ice_lite?)");
        }
        t.start(RemoteParameters.forClient(remote.ice(), remote.fingerprint(),
                remote.candidates().toArray(new InetSocketAddress[0])));
    }

    /**
     * Completes on the handle's {@code webrtcup} event: Janus's side of the PeerConnection is up.
     * Our transport connects a moment earlier (as DTLS server we read the client's Finished
     * first), and a VideoRoom feed cannot be subscribed to before Janus has it up (428 No such
     * feed). Hangups are logged once.
     */
    static CompletableFuture<Void> webrtcUp(JanusHandle handle, String what) {
        CompletableFuture<Void> up = new CompletableFuture<>();
        handle.listener(r -> {
            if (r == null) {
                up.completeExceptionally(new JanusException(JanusException.CLOSED, "the Janus session closed"));
            } else if ("webrtcup".equals(r.janus())) {
                up.complete(null);
            } else if ("hangup".equals(r.janus()) || "detached".equals(r.janus())) {
                LOG.info("Janus ended {}: {}", what, r.raw());
                up.completeExceptionally(new JanusException(JanusException.TRANSPORT, "Janus hung up " + what + ": " + r.raw()));
            }
        });
        return up;
    }

    static void awaitUp(CompletableFuture<Void> up, String what) throws JanusException {
        try {
            up.get(CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JanusException(JanusException.CLOSED, "interrupted while waiting for Janus's webrtcup");
        } catch (TimeoutException e) {
            throw new JanusException(JanusException.TIMEOUT, "no webrtcup from Janus for " + what + " within " + CONNECT_TIMEOUT_MILLIS + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof JanusException je ? je
                    : new JanusException(JanusException.TRANSPORT, String.valueOf(e.getCause()), e.getCause());
        }
    }

    static void awaitConnected(ConnectionListener c, MediaTransport t) throws JanusException {
        try {
            c.connected.get(CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JanusException(JanusException.CLOSED, "interrupted while connecting to Janus");
        } catch (TimeoutException e) {
            throw new JanusException(JanusException.TIMEOUT, "the transport to Janus did not connect within "
                    + CONNECT_TIMEOUT_MILLIS + " ms (state " + t.state() + ")");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof JanusException je ? je
                    : new JanusException(JanusException.TRANSPORT, String.valueOf(e.getCause()), e.getCause());
        }
    }
}
