package io.parley.wire.rtp;

import io.parley.wire.WireFormatException;

/**
 * Walks the elements of an RFC 8285 header extension block (§4.2 one-byte form, profile
 * 0xBEDE; §4.3 two-byte form, profile 0x100 plus four appbits) without allocating: one cursor is
 * reset per packet and yields each element's ID, value offset and value length in wire order.
 * Padding bytes (ID 0) are skipped; in the one-byte form ID 15 ends the walk (§4.2). Blocks of
 * other profiles have no elements. It is the only walker of extension blocks in this package:
 * validation, search and rewrite all step through it.
 */
public final class RtpExtensionCursor {
    /** The one-byte form's profile, RFC 8285 §4.2. */
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** The two-byte form's profile with appbits zero, RFC 8285 §4.3; the low four bits are the appbits. */
    public static final int TWO_BYTE_PROFILE = 0x1000;

    private static final int ELEMENT = 1;
    private static final int END = 0;
    private static final int PAST_BLOCK = -1;

    private byte[] buf;
    private int position;
    private int end;
    private int form;
    private int id;
    private int valueOffset;
    private int valueLength;

    /** Whether {@code profile} is the RFC 8285 one-byte form. */
    public static boolean isOneByte(int profile) {
        return profile == ONE_BYTE_PROFILE;
    }

    /** Whether {@code profile} is the RFC 8285 two-byte form, whatever its appbits. */
    public static boolean isTwoByte(int profile) {
        return (profile & 0xFFF0) == TWO_BYTE_PROFILE;
    }

    /** Points the cursor at the extension data of {@code packet}, before its first element. */
    public RtpExtensionCursor reset(RtpPacket packet) {
        return reset(packet.buffer(), packet.extensionDataOffset(), packet.extensionDataLength(),
                packet.extensionProfile());
    }

    /** Points the cursor at {@code length} bytes of extension data at {@code offset} under {@code profile}. */
    public RtpExtensionCursor reset(byte[] b, int offset, int length, int profile) {
        buf = b;
        position = offset;
        end = offset + length;
        form = isOneByte(profile) ? 1 : isTwoByte(profile) ? 2 : 0;
        id = 0;
        return this;
    }

    /** Moves to the next element; false at the end. The block must have been validated (a parsed {@link RtpPacket}'s is). */
    public boolean next() {
        return step() == ELEMENT;
    }

    /** The element's ID: 1-14 in the one-byte form, 1-255 in the two-byte form. */
    public int id() {
        return id;
    }

    /** Where the element's value starts in the buffer. */
    public int valueOffset() {
        return valueOffset;
    }

    /** The element's value length: 1-16 in the one-byte form, 0-255 in the two-byte form. */
    public int valueLength() {
        return valueLength;
    }

    /** Checks that every element of the block lies within it. */
    void validate() throws WireFormatException {
        int status;
        while ((status = step()) == ELEMENT) {
            // Stepping is the check.
        }
        if (status == PAST_BLOCK) {
            throw new WireFormatException("RTP: " + (form == 1 ? "one" : "two") + "-byte header extension element "
                    + id + " runs past the extension block");
        }
    }

    private int step() {
        while (position < end) {
            int first = buf[position] & 0xFF;
            if (form == 1) {
                if (first >>> 4 == 0) {
                    // ID 0 is reserved for padding (§4.2); a non-zero length nibble beside it
                    // is ignored as libwebrtc does, rather than read as an element nobody can name.
                    position++;
                    continue;
                }
                id = first >>> 4;
                if (id == 15) {
                    position = end;
                    return END;
                }
                valueOffset = position + 1;
                valueLength = (first & 0x0F) + 1;
            } else if (form == 2) {
                if (first == 0) {
                    position++;
                    continue;
                }
                id = first;
                if (position + 1 >= end) {
                    return PAST_BLOCK;
                }
                valueOffset = position + 2;
                valueLength = buf[position + 1] & 0xFF;
            } else {
                return END;
            }
            if (valueLength > end - valueOffset) {
                return PAST_BLOCK;
            }
            position = valueOffset + valueLength;
            return ELEMENT;
        }
        return END;
    }
}
