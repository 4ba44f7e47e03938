package io.parley.sfu;

/**
 * The media codecs the SFU forwards, with their RTP clock rates: Opus (RFC 7587 §4.1, 48 kHz) and
 * the video codecs VP8 (RFC 7741) and H.264 constrained baseline (RFC 6184), both 90 kHz.
 */
public enum Codec {
    OPUS(48_000, false),
    VP8(90_000, true),
    H264(90_000, true);

    private final int clockRate;
    private final boolean video;

    Codec(int clockRate, boolean video) {
        this.clockRate = clockRate;
        this.video = video;
    }

    /** RTP timestamp units per second. */
    public int clockRate() {
        return clockRate;
    }

    /** Whether a player must start at a keyframe and may ask for one (RFC 4585 §6.3.1). */
    public boolean isVideo() {
        return video;
    }
}
