package io.parley.transport.dtls;

import io.parley.transport.srtp.SrtpKeys;
import io.parley.transport.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;

/**
 * The DTLS 1.2 client role (RFC 6347) for DTLS-SRTP (RFC 5764), used by the Java SDK: offers both
 * SRTP profiles, checks the server's certificate against the SDP fingerprint, exports the keys.
 */
final class DtlsClient extends DefaultTlsClient {
    private final DtlsCertificate certificate;
    private final Fingerprint remote;
    private final int handshakeTimeoutMillis;
    private final SrtpProfile[] profiles;
    private SrtpProfile profile;
    private volatile SrtpKeys keys;

    DtlsClient(DtlsCertificate certificate, Fingerprint remote, int handshakeTimeoutMillis, SrtpProfile[] profiles) {
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
    @SuppressWarnings("unchecked")
    public Hashtable getClientExtensions() throws IOException {
        Hashtable<Integer, byte[]> extensions = super.getClientExtensions();
        DtlsSrtp.offer(extensions, profiles);
        return extensions;
    }

    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        profile = DtlsSrtp.chosen(serverExtensions, profiles);
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                DtlsSrtp.verify(serverCertificate.getCertificate(), remote);
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return certificate.signer(context);
            }
        };
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return handshakeTimeoutMillis;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keys = DtlsSrtp.export(context, profile, true);
    }
}
