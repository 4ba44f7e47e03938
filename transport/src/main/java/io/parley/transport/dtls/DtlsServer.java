package io.parley.transport.dtls;

import io.parley.transport.srtp.SrtpKeys;
import io.parley.transport.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;

/**
 * The DTLS 1.2 server role (RFC 6347) for DTLS-SRTP (RFC 5764): demands the client's certificate
 * and checks it against the SDP fingerprint, picks the SRTP profile, exports the keys.
 */
final class DtlsServer extends DefaultTlsServer {
    private final DtlsCertificate certificate;
    private final Fingerprint remote;
    private final int handshakeTimeoutMillis;
    private final SrtpProfile[] profiles;
    private SrtpProfile profile;
    private volatile SrtpKeys keys;

    DtlsServer(DtlsCertificate certificate, Fingerprint remote, int handshakeTimeoutMillis, SrtpProfile[] profiles) {
        super(certificate.crypto());
        this.certificate = certificate;
        this.remote = remote;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.profiles = profiles;
    }

    SrtpKeys keys() {
        return keys;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return DtlsSrtp.VERSIONS;
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return DtlsSrtp.CIPHER_SUITES;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return certificate.signer(context);
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                DtlsSrtp.signatureAlgorithms(), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        DtlsSrtp.verify(clientCertificate, remote);
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        profile = DtlsSrtp.choose(clientExtensions, profiles);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Hashtable getServerExtensions() throws IOException {
        Hashtable<Integer, byte[]> extensions = super.getServerExtensions();
        DtlsSrtp.offer(extensions, new SrtpProfile[] {profile});
        return extensions;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keys = DtlsSrtp.export(context, profile, false);
    }
}
