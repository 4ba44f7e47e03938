package io.parley.server.media;

/**
 * A client's SDP that Parley cannot use: unreadable, without the transport parameters, or without a
 * codec the SFU forwards. Becomes error 1100030 for the request; the session goes on.
 */
public final class SdpException extends Exception {
    private static final long serialVersionUID = 1L;

    public SdpException(String message) {
        super(message);
    }
}
