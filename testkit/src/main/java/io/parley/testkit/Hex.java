package io.parley.testkit;

import java.io.ByteArrayOutputStream;

/**
 * Byte vectors written as annotated hex, the way RFCs print them: each line holds hex digits and,
 * after {@code #} or {@code //}, a comment naming the field. Whitespace and the {@code |} and
 * {@code :} separators are ignored, so a test reads like the RFC's figure.
 */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Parses annotated hex; throws {@link IllegalArgumentException} on an odd digit count or a stray character. */
    public static byte[] parse(String annotated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pending = -1;
        for (String line : annotated.split("\n", -1)) {
            int cut = indexOfComment(line);
            String data = cut < 0 ? line : line.substring(0, cut);
            for (int i = 0; i < data.length(); i++) {
                char c = data.charAt(i);
                if (Character.isWhitespace(c) || c == '|' || c == ':') {
                    continue;
                }
                int v = Character.digit(c, 16);
                if (v < 0) {
                    throw new IllegalArgumentException("not a hex digit: '" + c + "' in line: " + line);
                }
                if (pending < 0) {
                    pending = v;
                } else {
                    out.write((pending << 4) | v);
                    pending = -1;
                }
            }
        }
        if (pending >= 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        return out.toByteArray();
    }

    private static int indexOfComment(String line) {
        int hash = line.indexOf('#');
        int slashes = line.indexOf("//");
        if (hash < 0) {
            return slashes;
        }
        return slashes < 0 ? hash : Math.min(hash, slashes);
    }

    /** Lower-case hex of {@code bytes}, no separators. */
    public static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    /** Lower-case hex of {@code length} bytes at {@code offset}, no separators. */
    public static String of(byte[] bytes, int offset, int length) {
        char[] out = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xFF;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0xF];
        }
        return new String(out);
    }
}
