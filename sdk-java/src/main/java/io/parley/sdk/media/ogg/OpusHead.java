package io.parley.sdk.media.ogg;

import io.parley.sdk.media.MediaFormatException;
import java.nio.charset.StandardCharsets;

/**
 * The Opus ID header, the first packet of an Ogg Opus stream (RFC 7845 §5.1): magic "OpusHead",
 * version 1, the output channel count, the pre-skip in 48 kHz samples, the original input sample
 * rate (informational), the output gain (Q7.8 dB) and the channel mapping family. Families 0 (mono
 * or stereo) and 1 (Vorbis order, with a stream count, a coupled count and the mapping table) are
 * read and written; others are refused.
 */
public record OpusHead(int channels, int preSkip, long inputSampleRate, int outputGain, int mappingFamily,
                       int streamCount, int coupledCount, byte[] mapping) {
    private static final byte[] MAGIC = "OpusHead".getBytes(StandardCharsets.US_ASCII);

    /** A family-0 header for {@code channels} (1 or 2) and the usual 312-sample pre-skip at 48 kHz. */
    public static OpusHead of(int channels) {
        return new OpusHead(channels, 312, 48_000, 0, 0, 1, channels - 1, new byte[0]);
    }

    /** Bytes the header takes. */
    public int length() {
        return 19 + (mappingFamily == 0 ? 0 : 2 + channels);
    }

    /** The header as the bytes of its Ogg packet. */
    public byte[] toBytes() {
        byte[] b = new byte[length()];
        System.arraycopy(MAGIC, 0, b, 0, 8);
        b[8] = 1;
        b[9] = (byte) channels;
        OggPage.putLe(b, 10, preSkip, 2);
        OggPage.putLe(b, 12, inputSampleRate, 4);
        OggPage.putLe(b, 16, outputGain, 2);
        b[18] = (byte) mappingFamily;
        if (mappingFamily != 0) {
            b[19] = (byte) streamCount;
            b[20] = (byte) coupledCount;
            System.arraycopy(mapping, 0, b, 21, channels);
        }
        return b;
    }

    /**
     * Reads an ID header.
     *
     * @throws MediaFormatException when the magic, the major version, the channel count or the
     *                              mapping is wrong, or the packet is too short
     */
    public static OpusHead parse(byte[] b) throws MediaFormatException {
        if (b.length < 19) {
            throw new MediaFormatException("opus.head.truncated", "OpusHead needs 19 bytes, got " + b.length);
        }
        for (int i = 0; i < 8; i++) {
            if (b[i] != MAGIC[i]) {
                throw new MediaFormatException("opus.head.magic", "first packet is not \"OpusHead\"");
            }
        }
        int version = b[8] & 0xFF;
        if ((version & 0xF0) != 0) { // RFC 7845 §5.1: a new major version is incompatible
            throw new MediaFormatException("opus.head.version", "OpusHead version " + version);
        }
        int channels = b[9] & 0xFF;
        if (channels == 0) {
            throw new MediaFormatException("opus.head.channels", "OpusHead with 0 channels");
        }
        int preSkip = (int) OggPage.getLe(b, 10, 2);
        long rate = OggPage.getLe(b, 12, 4);
        int gain = (short) OggPage.getLe(b, 16, 2);
        int family = b[18] & 0xFF;
        if (family == 0) {
            if (channels > 2) {
                throw new MediaFormatException("opus.head.channels", "mapping family 0 with " + channels + " channels");
            }
            return new OpusHead(channels, preSkip, rate, gain, 0, 1, channels - 1, new byte[0]);
        }
        if (family != 1) {
            throw new MediaFormatException("opus.head.family", "channel mapping family " + family + " is not supported");
        }
        if (b.length < 21 + channels) {
            throw new MediaFormatException("opus.head.truncated", "OpusHead mapping table is cut off");
        }
        int streams = b[19] & 0xFF;
        int coupled = b[20] & 0xFF;
        if (streams == 0 || coupled > streams || streams + coupled > 255) {
            throw new MediaFormatException("opus.head.mapping", streams + " streams, " + coupled + " coupled");
        }
        byte[] mapping = java.util.Arrays.copyOfRange(b, 21, 21 + channels);
        for (byte m : mapping) {
            if ((m & 0xFF) != 255 && (m & 0xFF) >= streams + coupled) {
                throw new MediaFormatException("opus.head.mapping", "channel mapped to stream " + (m & 0xFF));
            }
        }
        return new OpusHead(channels, preSkip, rate, gain, 1, streams, coupled, mapping);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpusHead h && java.util.Arrays.equals(h.toBytes(), toBytes());
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(toBytes());
    }
}
