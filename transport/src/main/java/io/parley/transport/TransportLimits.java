package io.parley.transport;

/**
 * Bounds on what peers, and strangers, can make the transport keep (RFC 8445 §19 and RFC 6347
 * §4.2.1 both warn of amplification and state exhaustion).
 *
 * @param maxHandshakes           DTLS handshakes in progress at once, all peers together
 * @param maxHandshakesPerAddress DTLS handshakes in progress from one IP address
 * @param handshakeTimeoutMillis  a DTLS handshake must finish within this
 * @param setupTimeoutMillis      a transport must be connected this long after it is started
 * @param consentTimeoutMillis    a connected transport whose peer is silent this long is closed (RFC 7675 §5.1: 30 s)
 * @param maxAddressesPerTransport addresses one transport accepts media from (ICE-validated ones)
 */
public record TransportLimits(int maxHandshakes, int maxHandshakesPerAddress, int handshakeTimeoutMillis,
                              int setupTimeoutMillis, int consentTimeoutMillis, int maxAddressesPerTransport) {

    public static final TransportLimits DEFAULTS = new TransportLimits(64, 8, 10_000, 30_000, 30_000, 8);

    public TransportLimits {
        if (maxHandshakes < 1 || maxHandshakesPerAddress < 1 || handshakeTimeoutMillis < 100
                || setupTimeoutMillis < 100 || consentTimeoutMillis < 100 || maxAddressesPerTransport < 1) {
            throw new IllegalArgumentException("transport limits must be positive: " + this);
        }
    }

    public TransportLimits withConsentTimeoutMillis(int millis) {
        return new TransportLimits(maxHandshakes, maxHandshakesPerAddress, handshakeTimeoutMillis, setupTimeoutMillis, millis,
                maxAddressesPerTransport);
    }

    public TransportLimits withHandshakes(int total, int perAddress) {
        return new TransportLimits(total, perAddress, handshakeTimeoutMillis, setupTimeoutMillis, consentTimeoutMillis,
                maxAddressesPerTransport);
    }
}
