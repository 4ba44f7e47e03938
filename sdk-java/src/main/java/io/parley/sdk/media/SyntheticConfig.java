package io.parley.sdk.media;

import java.util.EnumSet;
import java.util.Set;

/**
 * The shape of a {@link SyntheticSource}'s load. Every synthetic frame fits one RTP packet, so the
 * video packet rate is its frame rate and its bit rate is {@code videoPacketsPerSecond *
 * videoFrameBytes * 8}; audio is Opus-shaped at 50 packets per second (20 ms frames).
 *
 * @param kinds                 the tracks to produce, one or both
 * @param videoPacketsPerSecond video frames (and packets) per second, 1-1000
 * @param videoFrameBytes       bytes per video frame, {@value #MIN_FRAME_BYTES}-{@value #MAX_FRAME_BYTES}
 * @param audioFrameBytes       bytes per audio frame, {@value #MIN_FRAME_BYTES}-{@value #MAX_FRAME_BYTES}
 * @param keyframeInterval      a VP8 key frame every this many video frames (and on request), at least 1
 */
public record SyntheticConfig(Set<MediaKind> kinds, int videoPacketsPerSecond, int videoFrameBytes,
                              int audioFrameBytes, int keyframeInterval) {
    /** The smallest frame: a VP8 key frame header (10 bytes) and the {@link SyntheticPayload} trailer. */
    public static final int MIN_FRAME_BYTES = 10 + SyntheticPayload.LENGTH;
    /** The largest frame, so that it fits one packet under a 1,200-byte MTU budget with headers and SRTP. */
    public static final int MAX_FRAME_BYTES = 1100;
    /** Audio frames per second: 20 ms Opus frames. */
    public static final int AUDIO_PACKETS_PER_SECOND = 50;

    public SyntheticConfig {
        if (kinds == null || kinds.isEmpty()) {
            throw new IllegalArgumentException("a synthetic source needs at least one kind");
        }
        kinds = Set.copyOf(EnumSet.copyOf(kinds));
        if (videoPacketsPerSecond < 1 || videoPacketsPerSecond > 1000) {
            throw new IllegalArgumentException("video packets per second must be 1-1000: " + videoPacketsPerSecond);
        }
        checkFrame("video", videoFrameBytes);
        checkFrame("audio", audioFrameBytes);
        if (keyframeInterval < 1) {
            throw new IllegalArgumentException("key frame interval must be at least 1: " + keyframeInterval);
        }
    }

    private static void checkFrame(String what, int bytes) {
        if (bytes < MIN_FRAME_BYTES || bytes > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException(what + " frame bytes must be " + MIN_FRAME_BYTES + "-" + MAX_FRAME_BYTES
                    + ": " + bytes);
        }
    }

    /**
     * Audio (80-byte frames, 32 kbit/s) and video at {@code videoBitsPerSecond} in
     * {@code videoPacketsPerSecond} one-packet frames, a key frame every two seconds.
     *
     * @throws IllegalArgumentException when a frame of that bit rate and packet rate would not fit one packet
     */
    public static SyntheticConfig audioVideo(long videoBitsPerSecond, int videoPacketsPerSecond) {
        return new SyntheticConfig(EnumSet.allOf(MediaKind.class), videoPacketsPerSecond,
                frameBytes(videoBitsPerSecond, videoPacketsPerSecond), 80, Math.max(1, 2 * videoPacketsPerSecond));
    }

    /** Video only, as {@link #audioVideo}. */
    public static SyntheticConfig video(long videoBitsPerSecond, int videoPacketsPerSecond) {
        return new SyntheticConfig(EnumSet.of(MediaKind.VIDEO), videoPacketsPerSecond,
                frameBytes(videoBitsPerSecond, videoPacketsPerSecond), 80, Math.max(1, 2 * videoPacketsPerSecond));
    }

    /** Audio only: 50 frames per second of {@code frameBytes} bytes. */
    public static SyntheticConfig audio(int frameBytes) {
        return new SyntheticConfig(EnumSet.of(MediaKind.AUDIO), 30, MIN_FRAME_BYTES, frameBytes, 60);
    }

    private static int frameBytes(long bitsPerSecond, int packetsPerSecond) {
        if (packetsPerSecond < 1) {
            throw new IllegalArgumentException("video packets per second must be at least 1: " + packetsPerSecond);
        }
        long bytes = bitsPerSecond / 8 / packetsPerSecond;
        if (bytes > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException(bitsPerSecond + " bit/s in " + packetsPerSecond
                    + " packets/s needs " + bytes + "-byte frames, more than one packet holds: raise the packet rate");
        }
        return (int) Math.max(MIN_FRAME_BYTES, bytes);
    }

    /** The video bit rate this config produces, in frame bytes (RTP and descriptor headers not counted). */
    public long videoBitsPerSecond() {
        return 8L * videoFrameBytes * videoPacketsPerSecond;
    }
}
