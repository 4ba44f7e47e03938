package io.parley.transport.dtls;

/** Where a DTLS connection's records go: the shared UDP port, towards the peer's address. */
@FunctionalInterface
public interface DatagramOutput {
    /** Sends a copy of the bytes; the caller may reuse the array afterwards. */
    void send(byte[] buf, int off, int len);
}
