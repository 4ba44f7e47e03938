package io.parley.server.signal;

/**
 * The sending half of one client connection as signaling sees it: queue a text frame, or close.
 * Implementations never block; a client that falls too far behind is dropped by its implementation.
 */
public interface Outbound {
    /** Queues one encoded message. */
    void send(String text);

    /** Closes the connection after what is queued, with a WebSocket status and reason. */
    void close(int status, String reason);
}
