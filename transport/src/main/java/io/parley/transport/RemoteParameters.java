package io.parley.transport;

import io.parley.transport.dtls.Fingerprint;
import io.parley.transport.ice.IceCredentials;
import java.net.InetSocketAddress;

/**
 * What a transport learns from the peer's SDP: a=ice-ufrag and a=ice-pwd (RFC 8839 §5.4),
 * a=fingerprint (RFC 8122 §5) and, for our controlling client only, the server's host candidate.
 *
 * @param ice         the peer's ICE credentials
 * @param fingerprint the peer's certificate fingerprint
 * @param candidate   the address to send checks to; null on the ICE-lite server, which waits for checks
 */
public record RemoteParameters(IceCredentials ice, Fingerprint fingerprint, InetSocketAddress candidate) {
    public RemoteParameters {
        if (ice == null || fingerprint == null) {
            throw new IllegalArgumentException("the peer's ICE credentials and fingerprint are both required");
        }
    }
}
