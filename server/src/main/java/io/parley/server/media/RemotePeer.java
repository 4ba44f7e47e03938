package io.parley.server.media;

import io.parley.transport.RemoteParameters;
import io.parley.transport.dtls.Fingerprint;
import io.parley.transport.ice.IceCredentials;
import io.parley.wire.WireFormatException;
import io.parley.wire.sdp.MediaDescription;
import io.parley.wire.sdp.SessionDescription;
import java.util.Optional;

/**
 * The peer's transport parameters from its SDP (RFC 8839 §5.4 ufrag/pwd, RFC 8122 §5 fingerprint),
 * taken from the first bundled m-section or the session level, as browsers write either.
 */
record RemotePeer(IceCredentials ice, Fingerprint fingerprint) {

    static SessionDescription parse(String sdp) throws SdpException {
        try {
            return SessionDescription.parse(sdp);
        } catch (WireFormatException | RuntimeException e) {
            throw new SdpException("unreadable SDP: " + e.getMessage());
        }
    }

    static RemotePeer of(SessionDescription d) throws SdpException {
        if (d.media().isEmpty()) {
            throw new SdpException("the SDP has no m-section");
        }
        MediaDescription m = d.media().get(0);
        Optional<String> ufrag = m.iceUfrag().or(d::iceUfrag);
        Optional<String> pwd = m.icePwd().or(d::icePwd);
        var fp = (m.fingerprints().isEmpty() ? d.fingerprints() : m.fingerprints()).stream()
                .filter(f -> f.hashFunction().equalsIgnoreCase(Fingerprint.SHA_256)).toList();
        if (ufrag.isEmpty() || pwd.isEmpty() || fp.isEmpty()) {
            throw new SdpException("the SDP lacks a=ice-ufrag, a=ice-pwd or a sha-256 a=fingerprint");
        }
        try {
            Fingerprint f = new Fingerprint(Fingerprint.SHA_256, fp.get(0).digest());
            return new RemotePeer(new IceCredentials(ufrag.get(), pwd.get()), f);
        } catch (RuntimeException e) {
            throw new SdpException("unusable ICE credentials or fingerprint: " + e.getMessage());
        }
    }

    RemoteParameters forServer() {
        return RemoteParameters.forServer(ice, fingerprint);
    }
}
