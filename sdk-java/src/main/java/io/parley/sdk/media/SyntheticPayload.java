package io.parley.sdk.media;

import io.parley.wire.Bytes;

/**
 * The 20-byte trailer that ends every frame of a {@link SyntheticSource}, and so every RTP payload
 * it becomes (each synthetic frame fits one packet): a magic {@code "PRLY"}, the source's frame
 * sequence (64 bits) and the {@link System#nanoTime()} at which the frame was handed to the engine
 * (64 bits), all big-endian. Sitting at the end, it is found without parsing the codec's payload
 * descriptor, which the SFU may rewrite. {@link CountingSink} reads it for one-way delay.
 */
public final class SyntheticPayload {
    /** Bytes the trailer takes. */
    public static final int LENGTH = 20;
    private static final int MAGIC = 0x50524C59; // "PRLY"

    private SyntheticPayload() {
    }

    /** Writes the trailer so that it ends at {@code end}: it occupies {@code dst[end - LENGTH, end)}. */
    public static void write(byte[] dst, int end, long sequence, long sendNanos) {
        int at = end - LENGTH;
        Bytes.put32(dst, at, MAGIC & 0xFFFF_FFFFL);
        Bytes.put64(dst, at + 4, sequence);
        Bytes.put64(dst, at + 12, sendNanos);
    }

    /** Whether the payload {@code b[offset, end)} ends with a trailer. */
    public static boolean isPresent(byte[] b, int offset, int end) {
        return end - offset >= LENGTH && Bytes.i32(b, end - LENGTH) == MAGIC;
    }

    /** The frame sequence of the trailer that ends at {@code end}; check {@link #isPresent} first. */
    public static long sequence(byte[] b, int end) {
        return Bytes.i64(b, end - LENGTH + 4);
    }

    /** The send time ({@link System#nanoTime()}) of the trailer that ends at {@code end}. */
    public static long sendNanos(byte[] b, int end) {
        return Bytes.i64(b, end - LENGTH + 12);
    }
}
