package io.parley.transport.dtls;

/** Where a DTLS connection's records go (RFC 6347 §4.1, records in datagrams): the shared UDP port, towards the peer. */
@FunctionalInterface
public interface DatagramOutput {
    /** Sends a copy of the bytes; the caller may reuse the array afterwards. */
    void send(byte[] buf, int off, int len);
}
