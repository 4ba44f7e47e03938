package io.parley.bench.janus;

import io.parley.transport.MediaTransport;
import io.parley.transport.RemoteParameters;
import io.parley.wire.sdp.Setup;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a publisher and a subscriber to Janus share: our transport in the DTLS server role
 * (Janus, ICE-lite, always takes {@code a=setup:active}, RFC 5763 §5) started with Janus's values,
 * and the wait for it to connect.
 */
final class JanusPeer {
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
