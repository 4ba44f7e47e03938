package io.parley.sdk.media;

/**
 * Where a {@link MediaSource} hands its encoded frames: one Opus packet (RFC 7587) or one whole
 * VP8 frame (RFC 7741 §4.1) per call. The engine packetizes the frame and sends it at once, so the
 * source paces its calls in real time. {@code data} is read during the call only; the source may
 * reuse the array for the next frame.
 */
@FunctionalInterface
public interface FrameOutput {
    /**
     * @param rtpTimestamp the frame's presentation time in the kind's clock ({@link MediaKind#clockRate()}),
     *                     starting anywhere and wrapping modulo 2^32
     * @param keyframe     true for a VP8 key frame; ignored for audio
     */
    void frame(MediaKind kind, byte[] data, int offset, int length, long rtpTimestamp, boolean keyframe);
}
