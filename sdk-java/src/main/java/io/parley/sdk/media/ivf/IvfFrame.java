package io.parley.sdk.media.ivf;

/**
 * One frame of an IVF file, after its 12-byte frame header (frame size, 32-bit, and timestamp,
 * 64-bit, little-endian).
 *
 * @param pts  the timestamp in the file's time base ({@link IvfHeader#toClock})
 * @param data the codec frame, for VP8 one whole frame (RFC 6386)
 */
public record IvfFrame(long pts, byte[] data) {
    /** Bytes of a frame header. */
    public static final int HEADER_LENGTH = 12;

    /** Whether a VP8 frame is a key frame: the P bit of its frame tag is 0 (RFC 6386 §9.1). */
    public boolean isVp8Keyframe() {
        return data.length > 0 && (data[0] & 0x01) == 0;
    }
}
