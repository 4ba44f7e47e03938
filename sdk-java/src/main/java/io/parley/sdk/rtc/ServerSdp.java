package io.parley.sdk.rtc;

import io.parley.transport.RemoteParameters;
import io.parley.transport.dtls.Fingerprint;
import io.parley.transport.ice.IceCredentials;
import io.parley.wire.WireFormatException;
import io.parley.wire.sdp.Candidate;
import io.parley.wire.sdp.MediaDescription;
import io.parley.wire.sdp.SessionDescription;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the server's SDP (its publish answer or its subscriber offer): the transport parameters of
 * the one bundled connection, from the first m-section that is not rejected or from the session
 * level (RFC 8839 §5.4 ufrag and password, RFC 8122 §5 sha-256 fingerprint, RFC 8839 §5.1 host
 * candidates), which our controlling ICE agent needs to start.
 */
final class ServerSdp {
    private ServerSdp() {
    }

    static SessionDescription parse(String sdp) throws SdpProblem {
        try {
            return SessionDescription.parse(sdp);
        } catch (WireFormatException | RuntimeException e) {
            throw new SdpProblem("the server's SDP is unreadable: " + e.getMessage());
        }
    }

    static RemoteParameters transport(SessionDescription d) throws SdpProblem {
        MediaDescription m = d.media().stream().filter(x -> x.mediaLine().port() != 0).findFirst()
                .orElseThrow(() -> new SdpProblem("the server's SDP accepts no m-section"));
        Optional<String> ufrag = m.iceUfrag().or(d::iceUfrag);
        Optional<String> pwd = m.icePwd().or(d::icePwd);
        var fingerprints = m.fingerprints().isEmpty() ? d.fingerprints() : m.fingerprints();
        var sha256 = fingerprints.stream().filter(f -> f.hashFunction().equalsIgnoreCase(Fingerprint.SHA_256)).findFirst();
        if (ufrag.isEmpty() || pwd.isEmpty() || sha256.isEmpty()) {
            throw new SdpProblem("the server's SDP lacks a=ice-ufrag, a=ice-pwd or a sha-256 a=fingerprint");
        }
        List<InetSocketAddress> candidates = new ArrayList<>();
        for (Candidate c : m.candidates()) {
            if ("udp".equalsIgnoreCase(c.transport()) && c.component() == 1) {
                candidates.add(new InetSocketAddress(c.address(), c.port()));
            }
        }
        if (candidates.isEmpty()) {
            throw new SdpProblem("the server's SDP has no UDP candidate");
        }
        return new RemoteParameters(new IceCredentials(ufrag.get(), pwd.get()),
                new Fingerprint(Fingerprint.SHA_256, sha256.get().digest()), candidates);
    }

    /** The server's SDP could not be used; the call fails with the SDK's media code. */
    static final class SdpProblem extends Exception {
        SdpProblem(String message) {
            super(message);
        }
    }
}
