package io.parley.wire.stun;

import io.parley.wire.Bytes;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Builds a STUN message (RFC 8489 §5, §14) into a caller-provided {@code byte[]}: the header,
 * the attributes in the order they are added, then MESSAGE-INTEGRITY (§14.5) and FINGERPRINT
 * (§14.7). The header's length field is kept current after every attribute, which is what the
 * integrity and fingerprint computations require. One writer may be reused: {@link #start}
 * begins a new message. Misuse (a full buffer, an attribute after FINGERPRINT) is a programming
 * error and throws {@link IllegalStateException}.
 */
public final class StunWriter {
    private final byte[] buf;
    private final int offset;
    private int position;
    private byte padding;
    private boolean integrityWritten;
    private boolean fingerprintWritten;

    /** A writer over {@code buf} from {@code offset} to the end of the array. */
    public StunWriter(byte[] buf, int offset) {
        if (offset < 0 || offset > buf.length) {
            throw new IllegalArgumentException("offset " + offset + " outside buffer of " + buf.length);
        }
        this.buf = buf;
        this.offset = offset;
    }

    /**
     * The byte that fills attribute padding; 0 by default. RFC 8489 §14 lets the sender pick any
     * value; RFC 5769's vectors use 0x20.
     */
    public StunWriter padding(int value) {
        padding = (byte) value;
        return this;
    }

    /** Begins a message: type (see {@link StunMessageType}), length 0, magic cookie, the 12 bytes of {@code transactionId}. */
    public StunWriter start(int messageType, byte[] transactionId) {
        if (transactionId.length != StunMessage.TRANSACTION_ID_LENGTH) {
            throw new IllegalArgumentException("STUN transaction ID must be 12 bytes, got " + transactionId.length);
        }
        if ((messageType & ~0x3FFF) != 0) {
            throw new IllegalArgumentException("STUN message type must fit 14 bits: " + messageType);
        }
        position = offset;
        ensure(StunMessage.HEADER_LENGTH);
        Bytes.put16(buf, offset, messageType);
        Bytes.put16(buf, offset + 2, 0);
        Bytes.put32(buf, offset + 4, StunMessage.MAGIC_COOKIE);
        System.arraycopy(transactionId, 0, buf, offset + 8, StunMessage.TRANSACTION_ID_LENGTH);
        position = offset + StunMessage.HEADER_LENGTH;
        integrityWritten = false;
        fingerprintWritten = false;
        return this;
    }

    /** Appends an attribute with a raw value, e.g. an unknown comprehension-optional one kept from a parsed message. */
    public StunWriter attribute(int type, byte[] value, int valueOffset, int valueLength) {
        int at = begin(type, valueLength);
        System.arraycopy(value, valueOffset, buf, at, valueLength);
        return end(valueLength);
    }

    /** USERNAME (§14.3), at most 508 UTF-8 bytes. */
    public StunWriter username(String username) {
        return text(StunAttribute.USERNAME, username);
    }

    /** SOFTWARE (§14.14), at most 763 UTF-8 bytes, as REALM and NONCE. */
    public StunWriter software(String software) {
        return text(StunAttribute.SOFTWARE, software);
    }

    /** REALM (§14.9). */
    public StunWriter realm(String realm) {
        return text(StunAttribute.REALM, realm);
    }

    /** NONCE (§14.10). */
    public StunWriter nonce(String nonce) {
        return text(StunAttribute.NONCE, nonce);
    }

    /** Text attributes are held to the limits the parser enforces, so that what we write, we can read. */
    private StunWriter text(int type, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int max = type == StunAttribute.USERNAME ? StunAttribute.MAX_USERNAME_BYTES : StunAttribute.MAX_TEXT_BYTES;
        if (utf8.length > max) {
            throw new IllegalArgumentException("STUN " + StunAttribute.name(type) + " of " + utf8.length
                    + " bytes exceeds " + max);
        }
        return attribute(type, utf8, 0, utf8.length);
    }

    /** XOR-MAPPED-ADDRESS (§14.2), obfuscated with this message's cookie and transaction ID. */
    public StunWriter xorMappedAddress(InetSocketAddress address) {
        return address(StunAttribute.XOR_MAPPED_ADDRESS, address, true);
    }

    /** MAPPED-ADDRESS (§14.1). */
    public StunWriter mappedAddress(InetSocketAddress address) {
        return address(StunAttribute.MAPPED_ADDRESS, address, false);
    }

    private StunWriter address(int type, InetSocketAddress address, boolean xor) {
        int valueLength = address.getAddress() != null && address.getAddress().getAddress().length == 16 ? 20 : 8;
        int at = begin(type, valueLength);
        StunAddress.write(buf, at, address, xor, offset);
        return end(valueLength);
    }

    /** PRIORITY (RFC 8445 §16.1), an unsigned 32-bit value. */
    public StunWriter priority(long priority) {
        if (priority < 0 || priority > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ICE priority must be unsigned 32-bit: " + priority);
        }
        int at = begin(StunAttribute.PRIORITY, 4);
        Bytes.put32(buf, at, priority);
        return end(4);
    }

    /** USE-CANDIDATE (RFC 8445 §16.1), a flag without value. */
    public StunWriter useCandidate() {
        begin(StunAttribute.USE_CANDIDATE, 0);
        return end(0);
    }

    /** ICE-CONTROLLING (RFC 8445 §16.1) with its 64-bit tie-breaker. */
    public StunWriter iceControlling(long tieBreaker) {
        return tieBreaker(StunAttribute.ICE_CONTROLLING, tieBreaker);
    }

    /** ICE-CONTROLLED (RFC 8445 §16.1) with its 64-bit tie-breaker. */
    public StunWriter iceControlled(long tieBreaker) {
        return tieBreaker(StunAttribute.ICE_CONTROLLED, tieBreaker);
    }

    private StunWriter tieBreaker(int type, long tieBreaker) {
        int at = begin(type, 8);
        Bytes.put64(buf, at, tieBreaker);
        return end(8);
    }

    /** ERROR-CODE (§14.8): {@code code} 300 to 699 and a reason phrase. */
    public StunWriter errorCode(int code, String reason) {
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("STUN error code must be 300-699: " + code);
        }
        byte[] utf8 = reason.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > StunAttribute.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("STUN ERROR-CODE reason of " + utf8.length + " bytes exceeds "
                    + StunAttribute.MAX_TEXT_BYTES);
        }
        int at = begin(StunAttribute.ERROR_CODE, 4 + utf8.length);
        Bytes.put16(buf, at, 0);
        Bytes.put8(buf, at + 2, code / 100);
        Bytes.put8(buf, at + 3, code % 100);
        System.arraycopy(utf8, 0, buf, at + 4, utf8.length);
        return end(4 + utf8.length);
    }

    /** UNKNOWN-ATTRIBUTES (§14.13), the types a 420 answer lists. */
    public StunWriter unknownAttributes(int... types) {
        int at = begin(StunAttribute.UNKNOWN_ATTRIBUTES, 2 * types.length);
        for (int i = 0; i < types.length; i++) {
            Bytes.put16(buf, at + 2 * i, types[i]);
        }
        return end(2 * types.length);
    }

    /** MESSAGE-INTEGRITY (§14.5): HMAC-SHA1 under {@code key} over everything written so far. */
    public StunWriter messageIntegrity(byte[] key) {
        int header = position;
        int at = begin(StunAttribute.MESSAGE_INTEGRITY, StunAttribute.INTEGRITY_LENGTH);
        StunIntegrity.hmacSha1(key, buf, offset, header, buf, at);
        end(StunAttribute.INTEGRITY_LENGTH);
        integrityWritten = true;
        return this;
    }

    /** FINGERPRINT (§14.7), which ends the message. */
    public StunWriter fingerprint() {
        int header = position;
        int at = begin(StunAttribute.FINGERPRINT, 4);
        end(4);
        Bytes.put32(buf, at, StunIntegrity.fingerprint(buf, offset, header));
        fingerprintWritten = true;
        return this;
    }

    /** The message length so far, header included: the datagram length once the message is complete. */
    public int length() {
        return position - offset;
    }

    private int begin(int type, int valueLength) {
        if (position < offset + StunMessage.HEADER_LENGTH) {
            throw new IllegalStateException("STUN: start() the message before adding attributes");
        }
        if (fingerprintWritten) {
            throw new IllegalStateException("STUN: nothing may follow FINGERPRINT");
        }
        if (integrityWritten && type != StunAttribute.FINGERPRINT) {
            throw new IllegalStateException("STUN: only FINGERPRINT may follow MESSAGE-INTEGRITY");
        }
        if (valueLength > 0xFFFF) {
            throw new IllegalArgumentException("STUN attribute value too long: " + valueLength);
        }
        ensure(4 + Bytes.pad4(valueLength));
        if (position - offset - StunMessage.HEADER_LENGTH + 4 + Bytes.pad4(valueLength) > 0xFFFF) {
            throw new IllegalStateException("STUN: message would exceed 65535 bytes of attributes");
        }
        Bytes.put16(buf, position, type);
        Bytes.put16(buf, position + 2, valueLength);
        return position + 4;
    }

    private StunWriter end(int valueLength) {
        int value = position + 4;
        for (int i = value + valueLength; i < value + Bytes.pad4(valueLength); i++) {
            buf[i] = padding;
        }
        position = value + Bytes.pad4(valueLength);
        Bytes.put16(buf, offset + 2, position - offset - StunMessage.HEADER_LENGTH);
        return this;
    }

    private void ensure(int need) {
        if (position > buf.length - need) {
            throw new IllegalStateException("STUN: buffer of " + buf.length + " bytes too small, need " + need
                    + " more at " + position);
        }
    }
}
