package io.parley.sfu;

/**
 * One direction of media between the SFU and a client, as the SFU sees it: the port through which
 * a player receives its RTP and RTCP (RFC 3550 §3, one RTP session per leg with rtcp-mux, RFC 5761)
 * or through which the publisher receives the SFU's feedback. Packets are plain, unprotected RTP
 * and RTCP; the server adapts this port to the transport, which protects them (SRTP) on the way out.
 *
 * <p>The contract that keeps one player from slowing the others: both methods are called on the
 * stream's thread, must not block, and must be done with the bytes when they return (the SFU reuses
 * its buffer for the next player). A leg that cannot keep up drops; a leg that throws has the
 * packet counted as a send error and the other players are served as if nothing happened.
 */
public interface Leg {
    /** Sends the RTP packet {@code b[off, off + len)}. */
    void sendRtp(byte[] b, int off, int len);

    /** Sends the RTCP datagram (a compound or a single feedback packet) {@code b[off, off + len)}. */
    void sendRtcp(byte[] b, int off, int len);
}
