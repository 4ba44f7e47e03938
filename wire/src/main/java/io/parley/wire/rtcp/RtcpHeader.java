package io.parley.wire.rtcp;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * The RTCP common header of RFC 3550 §6.4.1: version (2), padding bit, a 5-bit count (report
 * count, source count, subtype or, for RFC 4585 feedback, FMT), the packet type, and the length in
 * 32-bit words minus one. Static reads and writes over a {@code byte[]}, so that the compound
 * cursor and every packet view share one definition of the header.
 */
public final class RtcpHeader {
    /** The size of the common header in bytes. */
    public static final int SIZE = 4;
    /** The only RTP/RTCP version in use (RFC 3550 §6.4.1). */
    public static final int VERSION = 2;

    /** Sender report, RFC 3550 §6.4.1. */
    public static final int PT_SR = 200;
    /** Receiver report, RFC 3550 §6.4.2. */
    public static final int PT_RR = 201;
    /** Source description, RFC 3550 §6.5. */
    public static final int PT_SDES = 202;
    /** Goodbye, RFC 3550 §6.6. */
    public static final int PT_BYE = 203;
    /** Application-defined, RFC 3550 §6.7. */
    public static final int PT_APP = 204;
    /** Transport-layer feedback, RFC 4585 §6.1. */
    public static final int PT_RTPFB = 205;
    /** Payload-specific feedback, RFC 4585 §6.1. */
    public static final int PT_PSFB = 206;

    private RtcpHeader() {
    }

    public static int version(byte[] b, int off) {
        return (b[off] & 0xFF) >>> 6;
    }

    public static boolean padding(byte[] b, int off) {
        return (b[off] & 0x20) != 0;
    }

    /** The 5-bit count field: RC, SC, subtype or FMT depending on the packet type. */
    public static int count(byte[] b, int off) {
        return b[off] & 0x1F;
    }

    public static int packetType(byte[] b, int off) {
        return b[off + 1] & 0xFF;
    }

    /** The packet's total size in bytes as the length field declares it, header and padding included. */
    public static int packetLength(byte[] b, int off) {
        return (Bytes.u16(b, off + 2) + 1) * 4;
    }

    /**
     * Writes a header without padding for a packet of {@code totalLength} bytes.
     *
     * @param totalLength the whole packet, header included; a positive multiple of 4
     */
    public static void write(byte[] b, int off, int count, int packetType, int totalLength) {
        if (count < 0 || count > 31) {
            throw new IllegalArgumentException("RTCP count " + count + " does not fit 5 bits");
        }
        if (totalLength < SIZE || (totalLength & 3) != 0 || totalLength > 65536 * 4) {
            throw new IllegalArgumentException("RTCP length " + totalLength + " is not a word count the header can carry");
        }
        b[off] = (byte) ((VERSION << 6) | count);
        b[off + 1] = (byte) packetType;
        Bytes.put16(b, off + 2, totalLength / 4 - 1);
    }

    /**
     * Checks the header of the packet at {@code [off, off + available)} and returns its length: version 2,
     * a length field inside {@code available}, and, when the padding bit is set, a padding count that
     * is positive and leaves the header intact (RFC 3550 §6.4.1 and A.2).
     *
     * @param packetAt the packet's offset in its datagram for messages, or -1 for a lone packet
     */
    static int checkedLength(byte[] b, int off, int available, String what, int packetAt) throws WireFormatException {
        if (available < SIZE) {
            Bytes.require(off, SIZE, off + available, where(what, packetAt) + " header");
        }
        if (version(b, off) != VERSION) {
            throw new WireFormatException(where(what, packetAt) + ": version " + version(b, off) + ", expected 2");
        }
        int length = packetLength(b, off);
        if (length > available) {
            throw new WireFormatException(where(what, packetAt) + ": length field says " + length + " bytes, only "
                    + available + " remain in the datagram");
        }
        if (padding(b, off)) {
            int pad = Bytes.u8(b, off + length - 1);
            if (pad == 0 || pad > length - SIZE) {
                throw new WireFormatException(where(what, packetAt) + ": padding count " + pad
                        + " invalid for a packet of " + length + " bytes");
            }
        }
        return length;
    }

    private static String where(String what, int packetAt) {
        return packetAt < 0 ? what : what + " packet at offset " + packetAt;
    }

    /** The end of the packet's content: its end less the padding counted in its last byte, if any. */
    static int contentEnd(byte[] b, int off, int length) {
        int end = off + length;
        return padding(b, off) ? end - Bytes.u8(b, end - 1) : end;
    }
}
