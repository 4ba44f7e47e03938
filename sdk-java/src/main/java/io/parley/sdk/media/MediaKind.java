package io.parley.sdk.media;

/**
 * The two kinds of track the Java SDK sends and receives: Opus audio at 48 kHz, two channels
 * (RFC 7587), and VP8 video at a 90 kHz clock (RFC 7741).
 */
public enum MediaKind {
    AUDIO(48_000),
    VIDEO(90_000);

    private final int clockRate;

    MediaKind(int clockRate) {
        this.clockRate = clockRate;
    }

    /** The RTP clock rate of this kind's codec, in ticks per second. */
    public int clockRate() {
        return clockRate;
    }
}
