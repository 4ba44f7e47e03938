package io.parley.wire.stun;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * A parsed STUN message (RFC 8489 §5 header, §14 attributes) as a view over the caller's bytes:
 * nothing is copied, attributes are remembered by their offsets, and typed getters read the
 * buffer on demand. {@link #wrap} re-points the view at another datagram, so a receive loop
 * keeps one instance. Parsing validates the header, the TLV layout, the value format of every
 * known attribute and the placement rules of MESSAGE-INTEGRITY and FINGERPRINT, so the getters
 * never fail. The buffer must not change while the view is in use.
 */
public final class StunMessage {
    /** The fixed header: type, length, magic cookie, transaction ID. */
    public static final int HEADER_LENGTH = 20;
    /** RFC 8489 §5: the fixed value that tells STUN from older RFC 3489 traffic and from other protocols. */
    public static final int MAGIC_COOKIE = 0x2112A442;
    /** The transaction ID is 96 bits. */
    public static final int TRANSACTION_ID_LENGTH = 12;

    private byte[] buf;
    private int offset;
    private int length;
    private int[] attributes = new int[16];
    private int attributeCount;
    private int integrityIndex;
    private int fingerprintIndex;

    /**
     * The RFC 7983 demultiplexing check: at least a header, the two top bits zero and the magic
     * cookie in place. Cheap and allocation-free; it does not validate the message.
     */
    public static boolean isStun(byte[] b, int off, int len) {
        return b != null && off >= 0 && len >= HEADER_LENGTH && off <= b.length - len
                && (b[off] & 0xC0) == 0 && Bytes.i32(b, off + 4) == MAGIC_COOKIE;
    }

    /** Parses the message that fills {@code b[off, off + len)} into a new view. */
    public static StunMessage parse(byte[] b, int off, int len) throws WireFormatException {
        return new StunMessage().wrap(b, off, len);
    }

    /**
     * Re-points this view at the message that fills {@code b[off, off + len)}: the datagram must
     * hold exactly one message. On failure the view holds no message.
     */
    public StunMessage wrap(byte[] b, int off, int len) throws WireFormatException {
        buf = null;
        attributeCount = 0;
        integrityIndex = -1;
        fingerprintIndex = -1;
        Bytes.checkRange(b, off, len, "STUN");
        Bytes.require(off, HEADER_LENGTH, off + len, "STUN header");
        if ((b[off] & 0xC0) != 0) {
            throw new WireFormatException("STUN: the two top bits of the message type are not zero");
        }
        if (Bytes.i32(b, off + 4) != MAGIC_COOKIE) {
            throw new WireFormatException(String.format("STUN: bad magic cookie 0x%08X", Bytes.i32(b, off + 4)));
        }
        int bodyLength = Bytes.u16(b, off + 2);
        if ((bodyLength & 3) != 0) {
            throw new WireFormatException("STUN: length " + bodyLength + " not a multiple of 4");
        }
        if (bodyLength != len - HEADER_LENGTH) {
            throw new WireFormatException("STUN: length " + bodyLength + " does not match the " + (len - HEADER_LENGTH)
                    + " bytes after the header");
        }
        readAttributes(b, off, off + len);
        buf = b;
        offset = off;
        length = len;
        return this;
    }

    private void readAttributes(byte[] b, int off, int end) throws WireFormatException {
        int at = off + HEADER_LENGTH;
        while (at < end) {
            Bytes.require(at, 4, end, "STUN attribute header");
            int type = Bytes.u16(b, at);
            int valueLength = Bytes.u16(b, at + 2);
            if (Bytes.pad4(valueLength) > end - at - 4) {
                throw new WireFormatException("STUN attribute " + StunAttribute.name(type) + ": truncated, value of "
                        + valueLength + " bytes with padding past the end of the message");
            }
            if (fingerprintIndex >= 0) {
                throw new WireFormatException("STUN: " + StunAttribute.name(type) + " after FINGERPRINT");
            }
            if (integrityIndex >= 0 && type != StunAttribute.FINGERPRINT) {
                // §14.5 lets a receiver ignore these; no legitimate sender writes them, and
                // rejecting keeps the view equal to the bytes the integrity covered.
                throw new WireFormatException("STUN: " + StunAttribute.name(type) + " after MESSAGE-INTEGRITY");
            }
            StunAttribute.validate(type, b, at + 4, valueLength);
            if (type == StunAttribute.MESSAGE_INTEGRITY) {
                integrityIndex = attributeCount;
            } else if (type == StunAttribute.FINGERPRINT) {
                fingerprintIndex = attributeCount;
            }
            if (attributeCount == attributes.length) {
                attributes = Arrays.copyOf(attributes, attributes.length * 2);
            }
            attributes[attributeCount++] = at;
            at += 4 + Bytes.pad4(valueLength);
        }
    }

    /** The buffer this view reads. */
    public byte[] buffer() {
        return buf;
    }

    /** Where the message starts in {@link #buffer()}. */
    public int offset() {
        return offset;
    }

    /** The whole message length, header included. */
    public int length() {
        return length;
    }

    /** The 14-bit message type; see {@link StunMessageType}. */
    public int messageType() {
        return Bytes.u16(buf, offset);
    }

    /** The 12-bit method, e.g. {@link StunMessageType#BINDING}. */
    public int method() {
        return StunMessageType.method(messageType());
    }

    /** The class, e.g. {@link StunMessageType#REQUEST}. */
    public int messageClass() {
        return StunMessageType.messageClass(messageType());
    }

    /** Where the 12-byte transaction ID starts in {@link #buffer()}. */
    public int transactionIdOffset() {
        return offset + 8;
    }

    /** A copy of the transaction ID. */
    public byte[] transactionId() {
        return Arrays.copyOfRange(buf, offset + 8, offset + HEADER_LENGTH);
    }

    /** Whether the transaction ID equals the 12 bytes of {@code id} at {@code idOffset}, without allocating. */
    public boolean transactionIdEquals(byte[] id, int idOffset) {
        return Arrays.equals(buf, offset + 8, offset + HEADER_LENGTH, id, idOffset, idOffset + TRANSACTION_ID_LENGTH);
    }

    /** How many attributes the message holds, in wire order, MESSAGE-INTEGRITY and FINGERPRINT included. */
    public int attributeCount() {
        return attributeCount;
    }

    /** The type of attribute {@code index}. */
    public int attributeType(int index) {
        return Bytes.u16(buf, attributeAt(index));
    }

    /** Where the value of attribute {@code index} starts in {@link #buffer()}. */
    public int attributeValueOffset(int index) {
        return attributeAt(index) + 4;
    }

    /** The value length of attribute {@code index}, padding excluded. */
    public int attributeValueLength(int index) {
        return Bytes.u16(buf, attributeAt(index) + 2);
    }

    private int attributeAt(int index) {
        if (index < 0 || index >= attributeCount) {
            throw new IndexOutOfBoundsException("STUN attribute " + index + " of " + attributeCount);
        }
        return attributes[index];
    }

    /** The index of the first attribute of {@code type}, or -1; RFC 8489 §14 has receivers use only the first. */
    public int indexOf(int type) {
        for (int i = 0; i < attributeCount; i++) {
            if (Bytes.u16(buf, attributes[i]) == type) {
                return i;
            }
        }
        return -1;
    }

    /** Whether an attribute of {@code type} is present. */
    public boolean has(int type) {
        return indexOf(type) >= 0;
    }

    /** USERNAME (§14.3), or null. */
    public String username() {
        return text(StunAttribute.USERNAME);
    }

    /** SOFTWARE (§14.14), or null. */
    public String software() {
        return text(StunAttribute.SOFTWARE);
    }

    /** REALM (§14.9), or null. */
    public String realm() {
        return text(StunAttribute.REALM);
    }

    /** NONCE (§14.10), or null. */
    public String nonce() {
        return text(StunAttribute.NONCE);
    }

    private String text(int type) {
        int i = indexOf(type);
        return i < 0 ? null : new String(buf, attributeValueOffset(i), attributeValueLength(i), StandardCharsets.UTF_8);
    }

    /** XOR-MAPPED-ADDRESS (§14.2) with the XOR undone, or null. */
    public InetSocketAddress xorMappedAddress() {
        return address(StunAttribute.XOR_MAPPED_ADDRESS, true);
    }

    /** MAPPED-ADDRESS (§14.1), or null. */
    public InetSocketAddress mappedAddress() {
        return address(StunAttribute.MAPPED_ADDRESS, false);
    }

    /** ALTERNATE-SERVER (§14.15), or null. */
    public InetSocketAddress alternateServer() {
        return address(StunAttribute.ALTERNATE_SERVER, false);
    }

    private InetSocketAddress address(int type, boolean xor) {
        int i = indexOf(type);
        return i < 0 ? null : StunAddress.read(buf, attributeValueOffset(i), attributeValueLength(i), xor, offset);
    }

    /** PRIORITY (RFC 8445 §16.1) as an unsigned 32-bit value, or empty. */
    public OptionalLong priority() {
        int i = indexOf(StunAttribute.PRIORITY);
        return i < 0 ? OptionalLong.empty() : OptionalLong.of(Bytes.u32(buf, attributeValueOffset(i)));
    }

    /** Whether USE-CANDIDATE (RFC 8445 §16.1) is present. */
    public boolean useCandidate() {
        return has(StunAttribute.USE_CANDIDATE);
    }

    /** The 64-bit tie-breaker of ICE-CONTROLLING (RFC 8445 §16.1), or empty. */
    public OptionalLong iceControlling() {
        return tieBreaker(StunAttribute.ICE_CONTROLLING);
    }

    /** The 64-bit tie-breaker of ICE-CONTROLLED (RFC 8445 §16.1), or empty. */
    public OptionalLong iceControlled() {
        return tieBreaker(StunAttribute.ICE_CONTROLLED);
    }

    private OptionalLong tieBreaker(int type) {
        int i = indexOf(type);
        return i < 0 ? OptionalLong.empty() : OptionalLong.of(Bytes.i64(buf, attributeValueOffset(i)));
    }

    /** The ERROR-CODE (§14.8) as class * 100 + number (300 to 699), or -1 when absent. */
    public int errorCode() {
        int i = indexOf(StunAttribute.ERROR_CODE);
        if (i < 0) {
            return -1;
        }
        int value = attributeValueOffset(i);
        return (buf[value + 2] & 0x07) * 100 + (buf[value + 3] & 0xFF);
    }

    /** The reason phrase of ERROR-CODE, or null when absent. */
    public String errorReason() {
        int i = indexOf(StunAttribute.ERROR_CODE);
        return i < 0 ? null
                : new String(buf, attributeValueOffset(i) + 4, attributeValueLength(i) - 4, StandardCharsets.UTF_8);
    }

    /** The attribute types listed by UNKNOWN-ATTRIBUTES (§14.13), or null when absent. */
    public int[] unknownAttributes() {
        int i = indexOf(StunAttribute.UNKNOWN_ATTRIBUTES);
        if (i < 0) {
            return null;
        }
        int[] types = new int[attributeValueLength(i) / 2];
        for (int k = 0; k < types.length; k++) {
            types[k] = Bytes.u16(buf, attributeValueOffset(i) + 2 * k);
        }
        return types;
    }

    /**
     * The comprehension-required types this module does not understand, each once, in wire
     * order: a request with any must be answered with 420 listing them (RFC 8489 §6.3.1).
     */
    public int[] unknownComprehensionRequired() {
        int[] found = new int[0];
        for (int i = 0; i < attributeCount; i++) {
            int type = attributeType(i);
            if (StunAttribute.isComprehensionRequired(type) && !StunAttribute.isKnown(type)
                    && Arrays.stream(found).noneMatch(t -> t == type)) {
                found = Arrays.copyOf(found, found.length + 1);
                found[found.length - 1] = type;
            }
        }
        return found;
    }

    /** Whether MESSAGE-INTEGRITY is present. */
    public boolean hasMessageIntegrity() {
        return integrityIndex >= 0;
    }

    /** Whether MESSAGE-INTEGRITY is present and matches the HMAC-SHA1 under {@code key} (§14.5). */
    public boolean checkMessageIntegrity(byte[] key) {
        return integrityIndex >= 0 && StunIntegrity.checkHmacSha1(key, buf, offset, attributes[integrityIndex]);
    }

    /** Whether FINGERPRINT is present; when it is, it is the last attribute. */
    public boolean hasFingerprint() {
        return fingerprintIndex >= 0;
    }

    /** Whether FINGERPRINT is present and equals the CRC-32 of the message XOR 0x5354554E (§14.7). */
    public boolean checkFingerprint() {
        if (fingerprintIndex < 0) {
            return false;
        }
        int at = attributes[fingerprintIndex];
        return Bytes.u32(buf, at + 4) == StunIntegrity.fingerprint(buf, offset, at);
    }
}
