package io.parley.transport.dtls;

/** Which side of the DTLS handshake we take; SDP's a=setup decides (RFC 5763 §5). */
public enum DtlsRole {
    /** a=setup:active: we send the ClientHello. The Java SDK. */
    CLIENT,
    /** a=setup:passive: we answer it. The server. */
    SERVER
}
