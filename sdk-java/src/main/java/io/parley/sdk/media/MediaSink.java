package io.parley.sdk.media;

/**
 * Where a played stream's media goes: files, PCM for the application, or counters for load. The
 * engine hands it every RTP packet of the stream (RFC 3550 §5.1), decrypted, header included, on the
 * transport's event-loop thread, which many engines share: a sink must never block it. The bytes
 * are valid only during the call. RTX retransmissions arrive already unwrapped, with the original
 * sequence number.
 */
public interface MediaSink extends AutoCloseable {
    /**
     * One RTP packet of the played stream.
     *
     * @param arrivalNanos {@link System#nanoTime()} when the datagram arrived
     */
    void onRtp(MediaKind kind, byte[] packet, int offset, int length, long arrivalNanos);

    /** The stream stopped (stopPlayingStream, or the publisher went away); files are finished here. */
    @Override
    default void close() {
    }
}
