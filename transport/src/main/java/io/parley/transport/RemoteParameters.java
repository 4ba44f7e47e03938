package io.parley.transport;

import io.parley.transport.dtls.Fingerprint;
import io.parley.transport.ice.IceCredentials;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * What a transport learns from the peer's SDP: a=ice-ufrag and a=ice-pwd (RFC 8839 §5.4),
 * a=fingerprint (RFC 8122 §5) and, for our controlling client only, the server's candidates.
 *
 * @param ice         the peer's ICE credentials
 * @param fingerprint the peer's certificate fingerprint
 * @param candidates  where to send checks, in priority order; empty on the ICE-lite server, which waits for checks
 */
public record RemoteParameters(IceCredentials ice, Fingerprint fingerprint, List<InetSocketAddress> candidates) {
    public RemoteParameters {
        if (ice == null || fingerprint == null) {
            throw new IllegalArgumentException("the peer's ICE credentials and fingerprint are both required");
        }
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** What the ICE-lite server needs: no candidates, the peer's checks will find it. */
    public static RemoteParameters forServer(IceCredentials ice, Fingerprint fingerprint) {
        return new RemoteParameters(ice, fingerprint, List.of());
    }

    /** What the controlling client needs: the server's candidates too. */
    public static RemoteParameters forClient(IceCredentials ice, Fingerprint fingerprint, InetSocketAddress... candidates) {
        return new RemoteParameters(ice, fingerprint, List.of(candidates));
    }
}
