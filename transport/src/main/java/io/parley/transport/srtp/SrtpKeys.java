package io.parley.transport.srtp;

import java.util.Arrays;

/**
 * Master keys and salts for one SRTP session, cut from the DTLS exporter output as RFC 5764 §4.2
 * lays it out: client_write_key, server_write_key, client_write_salt, server_write_salt.
 *
 * @param profile    the negotiated protection profile
 * @param localKey   master key we protect with
 * @param localSalt  master salt we protect with
 * @param remoteKey  master key the peer protects with
 * @param remoteSalt master salt the peer protects with
 */
public record SrtpKeys(SrtpProfile profile, byte[] localKey, byte[] localSalt, byte[] remoteKey, byte[] remoteSalt) {

    /** Splits exported keying material; {@code dtlsClient} says which half is ours. */
    public static SrtpKeys fromExporter(SrtpProfile profile, byte[] material, boolean dtlsClient) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        if (material.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException("keying material is " + material.length + " bytes, "
                    + profile + " needs " + profile.keyingMaterialLength());
        }
        byte[] clientKey = Arrays.copyOfRange(material, 0, k);
        byte[] serverKey = Arrays.copyOfRange(material, k, 2 * k);
        byte[] clientSalt = Arrays.copyOfRange(material, 2 * k, 2 * k + s);
        byte[] serverSalt = Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s);
        return dtlsClient
                ? new SrtpKeys(profile, clientKey, clientSalt, serverKey, serverSalt)
                : new SrtpKeys(profile, serverKey, serverSalt, clientKey, clientSalt);
    }
}
