package io.parley.transport.dtls;

import io.parley.transport.srtp.SrtpKeys;
import io.parley.transport.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * What both DTLS roles share for DTLS-SRTP (RFC 5764): the use_srtp extension (§4.1.1), the
 * profile choice (§4.1.2), the keying material export (§4.2) and the fingerprint check of the
 * peer's certificate (RFC 5763 §5).
 */
final class DtlsSrtp {
    /** ECDHE with ECDSA only: WebRTC certificates are ECDSA, and ECDHE gives forward secrecy. */
    static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    };

    static final ProtocolVersion[] VERSIONS = ProtocolVersion.DTLSv12.only();

    private DtlsSrtp() {
    }

    static int[] ids(SrtpProfile[] profiles) {
        int[] ids = new int[profiles.length];
        for (int i = 0; i < profiles.length; i++) {
            ids[i] = profiles[i].id();
        }
        return ids;
    }

    static void offer(Hashtable<Integer, byte[]> extensions, SrtpProfile[] profiles) throws IOException {
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(ids(profiles), new byte[0]));
    }

    /** The server's choice among what the client offered; a handshake without one fails. */
    static SrtpProfile choose(Hashtable<?, ?> clientExtensions, SrtpProfile[] ours) throws IOException {
        UseSRTPData offered = clientExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered != null) {
            for (SrtpProfile p : ours) {
                for (int id : offered.getProtectionProfiles()) {
                    if (id == p.id()) {
                        return p;
                    }
                }
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "the client offers no SRTP profile we support");
    }

    /** The profile the server chose, which must be one we offered. */
    static SrtpProfile chosen(Hashtable<?, ?> serverExtensions, SrtpProfile[] offered) throws IOException {
        UseSRTPData data = serverExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (data == null || data.getProtectionProfiles().length != 1) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "the server chose no single SRTP profile");
        }
        int id = data.getProtectionProfiles()[0];
        for (SrtpProfile p : offered) {
            if (p.id() == id) {
                return p;
            }
        }
        throw new TlsFatalAlert(AlertDescription.illegal_parameter, "the server chose SRTP profile " + id + ", not offered");
    }

    static SrtpKeys export(TlsContext context, SrtpProfile profile, boolean client) {
        byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, profile.keyingMaterialLength());
        return SrtpKeys.fromExporter(profile, material, client);
    }

    /** Refuses a peer whose certificate does not hash to the SDP fingerprint. */
    static void verify(Certificate peer, Fingerprint expected) throws IOException {
        if (peer == null || peer.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "the peer sent no certificate");
        }
        if (!expected.matches(peer.getCertificateAt(0).getEncoded())) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate,
                    "the peer's certificate does not match the fingerprint " + expected);
        }
    }

    static Vector<SignatureAndHashAlgorithm> signatureAlgorithms() {
        Vector<SignatureAndHashAlgorithm> v = new Vector<>();
        v.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
        v.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa));
        v.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa));
        v.add(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256);
        return v;
    }
}
