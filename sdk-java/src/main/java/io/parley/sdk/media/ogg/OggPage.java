package io.parley.sdk.media.ogg;

import io.parley.sdk.media.MediaFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * One Ogg page (RFC 3533 §6): the 27-byte header ("OggS", version 0, the continued/BOS/EOS flags,
 * the granule position, the stream serial number, the page sequence number and the CRC), the
 * segment table of lacing values, and the body. {@link #parse} checks the capture pattern, version
 * and CRC; {@link #writeTo} computes the CRC.
 *
 * @param flags    {@link #CONTINUED}, {@link #BEGINNING_OF_STREAM}, {@link #END_OF_STREAM}
 * @param granule  the codec's position at the end of the last packet that ends on this page; -1 when none ends here
 * @param lacing   the segment table: up to 255 lacing values 0-255
 * @param body     the segments' bytes, as many as the lacing values sum to
 */
public record OggPage(int flags, long granule, long serial, long sequence, int[] lacing, byte[] body) {
    /** The page's first packet continues one from the previous page. */
    public static final int CONTINUED = 0x01;
    /** The first page of a logical stream. */
    public static final int BEGINNING_OF_STREAM = 0x02;
    /** The last page of a logical stream. */
    public static final int END_OF_STREAM = 0x04;
    /** Bytes of the fixed header, before the segment table. */
    public static final int HEADER_LENGTH = 27;
    /** The longest page: a full segment table of 255-byte segments. */
    public static final int MAX_LENGTH = HEADER_LENGTH + 255 + 255 * 255;

    public OggPage {
        if (lacing.length > 255) {
            throw new IllegalArgumentException("an Ogg page holds at most 255 segments: " + lacing.length);
        }
        int sum = 0;
        for (int l : lacing) {
            if (l < 0 || l > 255) {
                throw new IllegalArgumentException("a lacing value is 0-255: " + l);
            }
            sum += l;
        }
        if (sum != body.length) {
            throw new IllegalArgumentException("lacing sums to " + sum + " but the body has " + body.length + " bytes");
        }
    }

    /** Bytes the page takes on the wire. */
    public int length() {
        return HEADER_LENGTH + lacing.length + body.length;
    }

    /** Whether the last segment is a full 255 bytes: the last packet goes on to the next page. */
    public boolean lastPacketContinues() {
        return lacing.length > 0 && lacing[lacing.length - 1] == 255;
    }

    /** Writes the page at {@code dst[offset]} with its CRC and returns its length. */
    public int writeTo(byte[] dst, int offset) {
        int n = length();
        if (offset < 0 || offset > dst.length - n) {
            throw new IllegalArgumentException("no room for an Ogg page of " + n + " bytes");
        }
        dst[offset] = 'O';
        dst[offset + 1] = 'g';
        dst[offset + 2] = 'g';
        dst[offset + 3] = 'S';
        dst[offset + 4] = 0;
        dst[offset + 5] = (byte) flags;
        putLe(dst, offset + 6, granule, 8);
        putLe(dst, offset + 14, serial, 4);
        putLe(dst, offset + 18, sequence, 4);
        putLe(dst, offset + 22, 0, 4);
        dst[offset + 26] = (byte) lacing.length;
        for (int i = 0; i < lacing.length; i++) {
            dst[offset + HEADER_LENGTH + i] = (byte) lacing[i];
        }
        System.arraycopy(body, 0, dst, offset + HEADER_LENGTH + lacing.length, body.length);
        putLe(dst, offset + 22, OggCrc.update(0, dst, offset, n), 4);
        return n;
    }

    /** The page as bytes. */
    public byte[] toBytes() {
        byte[] b = new byte[length()];
        writeTo(b, 0);
        return b;
    }

    /**
     * Reads the page at {@code b[offset]}; the bytes after it are not looked at.
     *
     * @throws MediaFormatException when the page is truncated, has another capture pattern or
     *                              version, or its CRC does not match
     */
    public static OggPage parse(byte[] b, int offset, int length) throws MediaFormatException {
        if (offset < 0 || length < 0 || offset > b.length - length) {
            throw new IllegalArgumentException("range outside the buffer");
        }
        if (length < HEADER_LENGTH) {
            throw new MediaFormatException("ogg.truncated", "page header needs 27 bytes, " + length + " left");
        }
        if (b[offset] != 'O' || b[offset + 1] != 'g' || b[offset + 2] != 'g' || b[offset + 3] != 'S') {
            throw new MediaFormatException("ogg.capture", "page does not start with \"OggS\"");
        }
        if (b[offset + 4] != 0) {
            throw new MediaFormatException("ogg.version", "stream structure version " + (b[offset + 4] & 0xFF));
        }
        int flags = b[offset + 5] & 0xFF;
        if ((flags & ~0x07) != 0) {
            throw new MediaFormatException("ogg.flags", "reserved header type bits set: " + flags);
        }
        int segments = b[offset + 26] & 0xFF;
        if (length < HEADER_LENGTH + segments) {
            throw new MediaFormatException("ogg.truncated", "segment table of " + segments + " entries is cut off");
        }
        int[] lacing = new int[segments];
        int bodyLength = 0;
        for (int i = 0; i < segments; i++) {
            lacing[i] = b[offset + HEADER_LENGTH + i] & 0xFF;
            bodyLength += lacing[i];
        }
        int total = HEADER_LENGTH + segments + bodyLength;
        if (length < total) {
            throw new MediaFormatException("ogg.truncated", "page body of " + bodyLength + " bytes is cut off");
        }
        long stored = getLe(b, offset + 22, 4);
        byte[] copy = Arrays.copyOfRange(b, offset, offset + total);
        putLe(copy, 22, 0, 4);
        long computed = OggCrc.update(0, copy, 0, total) & 0xFFFF_FFFFL;
        if (stored != computed) {
            throw new MediaFormatException("ogg.crc", "page CRC " + Long.toHexString(stored) + ", computed "
                    + Long.toHexString(computed));
        }
        return new OggPage(flags, getLe(b, offset + 6, 8), getLe(b, offset + 14, 4), getLe(b, offset + 18, 4),
                lacing, Arrays.copyOfRange(copy, HEADER_LENGTH + segments, total));
    }

    /**
     * Reads the next page from {@code in}, or returns null at a clean end of stream.
     *
     * @throws MediaFormatException when the stream ends inside a page or the page is malformed
     */
    public static OggPage read(InputStream in) throws IOException {
        byte[] buf = new byte[MAX_LENGTH];
        int got = in.readNBytes(buf, 0, HEADER_LENGTH);
        if (got == 0) {
            return null;
        }
        if (got < HEADER_LENGTH) {
            throw new MediaFormatException("ogg.truncated", "stream ends inside a page header");
        }
        int segments = buf[26] & 0xFF;
        readFully(in, buf, HEADER_LENGTH, segments);
        int bodyLength = 0;
        for (int i = 0; i < segments; i++) {
            bodyLength += buf[HEADER_LENGTH + i] & 0xFF;
        }
        readFully(in, buf, HEADER_LENGTH + segments, bodyLength);
        return parse(buf, 0, HEADER_LENGTH + segments + bodyLength);
    }

    private static void readFully(InputStream in, byte[] buf, int offset, int length) throws IOException {
        if (in.readNBytes(buf, offset, length) < length) {
            throw new MediaFormatException("ogg.truncated", "stream ends inside a page");
        }
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

    @Override
    public boolean equals(Object o) {
        return o instanceof OggPage p && p.flags == flags && p.granule == granule && p.serial == serial
                && p.sequence == sequence && Arrays.equals(p.lacing, lacing) && Arrays.equals(p.body, body);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(granule) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "OggPage[flags=" + flags + ", granule=" + granule + ", serial=" + serial + ", sequence=" + sequence
                + ", segments=" + lacing.length + ", body=" + body.length + "]";
    }
}
