package io.parley.sdk.media.opus;

import io.parley.sdk.media.MediaFormatException;

/**
 * The duration an Opus packet decodes to, from its TOC byte (RFC 6716 §3.1: the configuration
 * gives the frame size, the code c the frame count) and, for code 3, the frame count byte (§3.2.5).
 * Readers of Ogg files and RTP sinks need it for timestamps and granule positions.
 */
public final class OpusToc {
    private OpusToc() {
    }

    /** Samples at 48 kHz of one frame of the packet whose TOC byte is {@code toc}. */
    public static int samplesPerFrame(int toc) {
        int config = (toc & 0xFF) >>> 3;
        if (config < 12) { // SILK: 10, 20, 40, 60 ms
            return new int[] {480, 960, 1920, 2880}[config & 3];
        }
        if (config < 16) { // Hybrid: 10, 20 ms
            return (config & 1) == 0 ? 480 : 960;
        }
        return new int[] {120, 240, 480, 960}[config & 3]; // CELT: 2.5, 5, 10, 20 ms
    }

    /**
     * Samples at 48 kHz the whole packet decodes to.
     *
     * @throws MediaFormatException when the packet is empty, a code-3 packet has no count byte, or
     *                              it lasts more than 120 ms (§3.2.5)
     */
    public static int samples(byte[] packet, int offset, int length) throws MediaFormatException {
        if (length < 1) {
            throw new MediaFormatException("opus.empty", "an Opus packet has at least its TOC byte");
        }
        int toc = packet[offset] & 0xFF;
        int frames;
        switch (toc & 0x03) {
            case 0 -> frames = 1;
            case 1, 2 -> frames = 2;
            default -> {
                if (length < 2) {
                    throw new MediaFormatException("opus.code3", "code 3 packet without its frame count byte");
                }
                frames = packet[offset + 1] & 0x3F;
                if (frames == 0) {
                    throw new MediaFormatException("opus.code3", "code 3 packet with 0 frames");
                }
            }
        }
        int samples = frames * samplesPerFrame(toc);
        if (samples > 5760) {
            throw new MediaFormatException("opus.duration", "packet of " + samples + " samples is over 120 ms");
        }
        return samples;
    }
}
