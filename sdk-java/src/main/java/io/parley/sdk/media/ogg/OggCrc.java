package io.parley.sdk.media.ogg;

/**
 * The page checksum of RFC 3533 §6: CRC-32 with generator polynomial 0x04C11DB7, initial value 0,
 * no reflection and no final XOR (unlike zlib's CRC-32), over the whole page with the checksum
 * field set to zero.
 */
final class OggCrc {
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                r = (r & 0x8000_0000) != 0 ? (r << 1) ^ 0x04C1_1DB7 : r << 1;
            }
            TABLE[i] = r;
        }
    }

    private OggCrc() {
    }

    /** Continues {@code crc} over {@code b[offset, offset + length)}. */
    static int update(int crc, byte[] b, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ b[i]) & 0xFF];
        }
        return crc;
    }
}
