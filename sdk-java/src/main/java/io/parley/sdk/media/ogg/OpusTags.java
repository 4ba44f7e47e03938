package io.parley.sdk.media.ogg;

import io.parley.sdk.media.MediaFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Opus comment header, the second packet of an Ogg Opus stream (RFC 7845 §5.2): magic
 * "OpusTags", the vendor string and a list of "NAME=value" comments, each UTF-8 with a 32-bit
 * little-endian length.
 */
public record OpusTags(String vendor, List<String> comments) {
    private static final byte[] MAGIC = "OpusTags".getBytes(StandardCharsets.US_ASCII);

    public OpusTags {
        comments = List.copyOf(comments);
    }

    /** The header as the bytes of its Ogg packet. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        writeString(out, vendor);
        byte[] count = new byte[4];
        OggPage.putLe(count, 0, comments.size(), 4);
        out.writeBytes(count);
        for (String c : comments) {
            writeString(out, c);
        }
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        byte[] length = new byte[4];
        OggPage.putLe(length, 0, bytes.length, 4);
        out.writeBytes(length);
        out.writeBytes(bytes);
    }

    /**
     * Reads a comment header.
     *
     * @throws MediaFormatException when the magic is wrong or a length runs past the packet
     */
    public static OpusTags parse(byte[] b) throws MediaFormatException {
        if (b.length < 16) {
            throw new MediaFormatException("opus.tags.truncated", "OpusTags needs 16 bytes, got " + b.length);
        }
        for (int i = 0; i < 8; i++) {
            if (b[i] != MAGIC[i]) {
                throw new MediaFormatException("opus.tags.magic", "second packet is not \"OpusTags\"");
            }
        }
        int[] at = {8};
        String vendor = readString(b, at, "vendor string");
        long count = readLength(b, at, "comment count");
        if (count > (b.length - at[0]) / 4) {
            throw new MediaFormatException("opus.tags.truncated", count + " comments cannot fit in the packet");
        }
        List<String> comments = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            comments.add(readString(b, at, "comment " + i));
        }
        return new OpusTags(vendor, comments);
    }

    private static long readLength(byte[] b, int[] at, String what) throws MediaFormatException {
        if (b.length - at[0] < 4) {
            throw new MediaFormatException("opus.tags.truncated", what + " is cut off");
        }
        long v = OggPage.getLe(b, at[0], 4);
        at[0] += 4;
        return v;
    }

    private static String readString(byte[] b, int[] at, String what) throws MediaFormatException {
        long length = readLength(b, at, what + " length");
        if (length > b.length - at[0]) {
            throw new MediaFormatException("opus.tags.truncated", what + " of " + length + " bytes runs past the packet");
        }
        String s = new String(b, at[0], (int) length, StandardCharsets.UTF_8);
        at[0] += (int) length;
        return s;
    }
}
