package io.parley.wire;

/**
 * Network-order (big-endian) reads and writes over a {@code byte[]}, the shared primitive of every
 * parser and writer in this module. Reads never allocate; {@link #require} turns a short buffer
 * into a {@link WireFormatException} instead of an {@code ArrayIndexOutOfBoundsException}.
 */
public final class Bytes {
    private Bytes() {
    }

    /**
     * Checks that {@code need} bytes are available at {@code offset} within {@code [0, end)}.
     *
     * @param what the structure being read, for the message
     */
    public static void require(int offset, int need, int end, String what) throws WireFormatException {
        if (need < 0 || offset < 0 || offset > end - need) {
            throw new WireFormatException(what + ": truncated, need " + need + " bytes at offset " + offset
                    + ", have " + Math.max(0, end - offset));
        }
    }

    /** Checks that {@code [offset, offset + length)} lies within {@code buf}. */
    public static void checkRange(byte[] buf, int offset, int length, String what) throws WireFormatException {
        if (buf == null) {
            throw new WireFormatException(what + ": no buffer");
        }
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new WireFormatException(what + ": range " + offset + "+" + length + " outside buffer of "
                    + buf.length + " bytes");
        }
    }

    public static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    public static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    public static int u24(byte[] b, int off) {
        return ((b[off] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF);
    }

    /** An unsigned 32-bit field, widened to long so that it compares and prints as unsigned. */
    public static long u32(byte[] b, int off) {
        return i32(b, off) & 0xFFFF_FFFFL;
    }

    public static int i32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8)
                | (b[off + 3] & 0xFF);
    }

    public static long i64(byte[] b, int off) {
        return ((long) i32(b, off) << 32) | (i32(b, off + 4) & 0xFFFF_FFFFL);
    }

    public static void put8(byte[] b, int off, int v) {
        b[off] = (byte) v;
    }

    public static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    public static void put24(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 16);
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) v;
    }

    public static void put32(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    public static void put64(byte[] b, int off, long v) {
        put32(b, off, v >>> 32);
        put32(b, off + 4, v);
    }

    /** Rounds up to the next multiple of 4, the padding unit of STUN attributes and RTCP words. */
    public static int pad4(int n) {
        return (n + 3) & ~3;
    }
}
