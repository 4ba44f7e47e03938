package io.parley.server.signal;

/**
 * Signaling's connection settings: the heartbeat period the server announces and keeps, how long a
 * silent connection lives, how many messages may wait for a slow client, and the frame size limit.
 */
public record SignalOptions(int heartbeatIntervalSeconds, int idleTimeoutSeconds, int maxQueuedMessages, int maxFrameBytes) {
    public static final SignalOptions DEFAULT = new SignalOptions(10, 30, 4096, io.parley.protocol.Limits.FRAME_BYTES);
}
