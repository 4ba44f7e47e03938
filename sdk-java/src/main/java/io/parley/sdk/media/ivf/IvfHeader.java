package io.parley.sdk.media.ivf;

import io.parley.sdk.media.MediaFormatException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The 32-byte header of an IVF file (libvpx's container, as ffmpeg reads and writes it): signature
 * "DKIF", version 0, header length 32, the codec's FourCC ("VP80"), width and height, the time base
 * as a rate and a scale (frame timestamps count {@code scale / rate} seconds), the frame count and
 * 4 unused bytes; all integers little-endian.
 *
 * @param fourcc     the codec, four ASCII characters
 * @param rate       the time base denominator, e.g. 30 or 90000
 * @param scale      the time base numerator, usually 1
 * @param frameCount frames in the file as the writer counted them (readers should not trust it)
 */
public record IvfHeader(String fourcc, int width, int height, long rate, long scale, long frameCount) {
    /** Bytes of the file header. */
    public static final int LENGTH = 32;
    /** The FourCC of VP8. */
    public static final String VP8 = "VP80";

    public IvfHeader {
        if (fourcc.length() != 4 || !StandardCharsets.US_ASCII.newEncoder().canEncode(fourcc)) {
            throw new IllegalArgumentException("a FourCC is four ASCII characters: " + fourcc);
        }
        if (width < 0 || width > 0xFFFF || height < 0 || height > 0xFFFF) {
            throw new IllegalArgumentException("IVF width and height are 16-bit: " + width + "x" + height);
        }
    }

    /** Writes the header at {@code dst[offset]}. */
    public void writeTo(byte[] dst, int offset) {
        dst[offset] = 'D';
        dst[offset + 1] = 'K';
        dst[offset + 2] = 'I';
        dst[offset + 3] = 'F';
        putLe(dst, offset + 4, 0, 2);
        putLe(dst, offset + 6, LENGTH, 2);
        System.arraycopy(fourcc.getBytes(StandardCharsets.US_ASCII), 0, dst, offset + 8, 4);
        putLe(dst, offset + 12, width, 2);
        putLe(dst, offset + 14, height, 2);
        putLe(dst, offset + 16, rate, 4);
        putLe(dst, offset + 20, scale, 4);
        putLe(dst, offset + 24, frameCount, 4);
        putLe(dst, offset + 28, 0, 4);
    }

    /** The header as bytes. */
    public byte[] toBytes() {
        byte[] b = new byte[LENGTH];
        writeTo(b, 0);
        return b;
    }

    /**
     * Reads a header.
     *
     * @throws MediaFormatException when the signature, version or header length is wrong, the time
     *                              base is zero, or fewer than 32 bytes are given
     */
    public static IvfHeader parse(byte[] b, int offset, int length) throws MediaFormatException {
        if (length < LENGTH) {
            throw new MediaFormatException("ivf.truncated", "file header needs 32 bytes, got " + length);
        }
        if (b[offset] != 'D' || b[offset + 1] != 'K' || b[offset + 2] != 'I' || b[offset + 3] != 'F') {
            throw new MediaFormatException("ivf.signature", "file does not start with \"DKIF\"");
        }
        long version = getLe(b, offset + 4, 2);
        if (version != 0) {
            throw new MediaFormatException("ivf.version", "IVF version " + version);
        }
        long headerLength = getLe(b, offset + 6, 2);
        if (headerLength != LENGTH) {
            throw new MediaFormatException("ivf.header-length", "header length " + headerLength);
        }
        String fourcc = new String(b, offset + 8, 4, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 4; i++) {
            if ((b[offset + 8 + i] & 0x80) != 0) {
                throw new MediaFormatException("ivf.fourcc", "FourCC is not ASCII");
            }
        }
        long rate = getLe(b, offset + 16, 4);
        long scale = getLe(b, offset + 20, 4);
        if (rate == 0 || scale == 0) {
            throw new MediaFormatException("ivf.timebase", "time base " + scale + "/" + rate);
        }
        return new IvfHeader(fourcc, (int) getLe(b, offset + 12, 2), (int) getLe(b, offset + 14, 2), rate, scale,
                getLe(b, offset + 24, 4));
    }

    /** A timestamp of this file's time base in ticks of a {@code clockRate} clock, e.g. 90 kHz RTP. */
    public long toClock(long pts, int clockRate) {
        // Exact for any 64-bit pts: files read once at load time can afford the big integers.
        return BigInteger.valueOf(pts).multiply(BigInteger.valueOf(scale * clockRate))
                .divide(BigInteger.valueOf(rate)).longValue();
    }

    static long getLe(byte[] b, int offset, int bytes) {
        long v = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            v = (v << 8) | (b[offset + i] & 0xFF);
        }
        return v;
    }

    static void putLe(byte[] b, int offset, long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            b[offset + i] = (byte) (v >>> (8 * i));
        }
    }
}
