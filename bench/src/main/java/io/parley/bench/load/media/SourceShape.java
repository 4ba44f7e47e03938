package io.parley.bench.load.media;

/**
 * What one publisher sends: synthetic VP8-shaped video at a bit and packet rate (one frame per
 * packet) and, optionally, Opus-shaped audio at 50 packets per second.
 *
 * @param videoBitsPerSecond    0 for no video
 * @param videoPacketsPerSecond video packets (and frames) per second
 * @param audio                 whether an audio track goes with it
 */
public record SourceShape(long videoBitsPerSecond, int videoPacketsPerSecond, boolean audio) {
    /** Audio's packet rate: 20 ms Opus frames. */
    public static final int AUDIO_PACKETS_PER_SECOND = 50;

    public SourceShape {
        if (videoBitsPerSecond < 0 || (videoBitsPerSecond > 0 && videoPacketsPerSecond < 1)) {
            throw new IllegalArgumentException("video needs a positive packet rate, got " + videoPacketsPerSecond
                    + " packets/s for " + videoBitsPerSecond + " bit/s");
        }
        if (videoBitsPerSecond == 0 && !audio) {
            throw new IllegalArgumentException("a source needs video or audio");
        }
    }

    /** Packets per second this source sends, both tracks. */
    public int packetsPerSecond() {
        return (videoBitsPerSecond > 0 ? videoPacketsPerSecond : 0) + (audio ? AUDIO_PACKETS_PER_SECOND : 0);
    }

    /** Bytes of one video frame (= payload of one packet). */
    public int videoFrameBytes() {
        return videoBitsPerSecond == 0 ? 0 : (int) (videoBitsPerSecond / 8 / videoPacketsPerSecond);
    }

    public String describe() {
        String v = videoBitsPerSecond == 0 ? "no video"
                : String.format(java.util.Locale.ROOT, "video %.2f Mbit/s in %d packets/s of %d bytes", videoBitsPerSecond / 1e6,
                videoPacketsPerSecond, videoFrameBytes());
        return v + (audio ? " + audio 50 packets/s" : "");
    }
}
