package io.parley.transport.ice;

import java.net.InetSocketAddress;

/** What an ICE agent reports to its transport (RFC 8445 §8: the nominated pair, or failure). */
public interface IceListener {
    /** The peer proved it knows the credentials from this address (a valid check, RFC 8445 §7.3). */
    void validated(InetSocketAddress remote);

    /** Media goes to this address from now on: the nominated pair (§8.1.1), perhaps a new one. */
    void nominated(InetSocketAddress remote);

    /** ICE gave up, or consent (RFC 7675) expired. */
    void failed(String reason);
}
