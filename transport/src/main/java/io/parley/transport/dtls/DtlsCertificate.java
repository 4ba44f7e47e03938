package io.parley.transport.dtls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The self-signed ECDSA P-256 certificate a process presents in every DTLS handshake; WebRTC
 * authenticates it by its fingerprint in SDP rather than by a CA (RFC 8827 §6.5, RFC 5763 §5).
 * Created once at start; generating one per session would cost a key generation per call.
 */
public final class DtlsCertificate {
    private static final Duration VALIDITY = Duration.ofDays(30);

    private final BcTlsCrypto crypto;
    private final AsymmetricKeyParameter privateKey;
    private final byte[] der;
    private final Fingerprint fingerprint;

    private DtlsCertificate(BcTlsCrypto crypto, AsymmetricKeyParameter privateKey, byte[] der) {
        this.crypto = crypto;
        this.privateKey = privateKey;
        this.der = der;
        this.fingerprint = Fingerprint.of(der);
    }

    /** Generates a fresh key pair and certificate. */
    public static DtlsCertificate generate() {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = kpg.generateKeyPair();
            X500Name name = new X500Name("CN=parley");
            Instant now = Instant.now();
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, new BigInteger(63, random),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            return new DtlsCertificate(new BcTlsCrypto(random),
                    PrivateKeyFactory.createKey(pair.getPrivate().getEncoded()), holder.getEncoded());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create the DTLS certificate", e);
        }
    }

    public Fingerprint fingerprint() {
        return fingerprint;
    }

    BcTlsCrypto crypto() {
        return crypto;
    }

    /** The signer BouncyCastle needs to authenticate this side of one handshake. */
    TlsCredentialedSigner signer(TlsContext context) throws IOException {
        TlsCertificate cert = crypto.createCertificate(der);
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, privateKey,
                new Certificate(new TlsCertificate[] {cert}), SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
    }
}
