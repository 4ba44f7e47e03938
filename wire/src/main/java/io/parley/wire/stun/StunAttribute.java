package io.parley.wire.stun;

import io.parley.wire.WireFormatException;

/**
 * STUN attribute types (RFC 8489 §14 and §18.3, RFC 8445 §16.1) and the value rules this module
 * enforces when it parses them, so that a message that parsed has typed getters that cannot fail.
 */
public final class StunAttribute {
    /** MAPPED-ADDRESS, RFC 8489 §14.1. */
    public static final int MAPPED_ADDRESS = 0x0001;
    /** USERNAME, RFC 8489 §14.3. */
    public static final int USERNAME = 0x0006;
    /** MESSAGE-INTEGRITY, RFC 8489 §14.5. */
    public static final int MESSAGE_INTEGRITY = 0x0008;
    /** ERROR-CODE, RFC 8489 §14.8. */
    public static final int ERROR_CODE = 0x0009;
    /** UNKNOWN-ATTRIBUTES, RFC 8489 §14.13. */
    public static final int UNKNOWN_ATTRIBUTES = 0x000A;
    /** REALM, RFC 8489 §14.9. */
    public static final int REALM = 0x0014;
    /** NONCE, RFC 8489 §14.10. */
    public static final int NONCE = 0x0015;
    /** XOR-MAPPED-ADDRESS, RFC 8489 §14.2. */
    public static final int XOR_MAPPED_ADDRESS = 0x0020;
    /** PRIORITY, RFC 8445 §16.1. */
    public static final int PRIORITY = 0x0024;
    /** USE-CANDIDATE, RFC 8445 §16.1. */
    public static final int USE_CANDIDATE = 0x0025;
    /** SOFTWARE, RFC 8489 §14.14. */
    public static final int SOFTWARE = 0x8022;
    /** ALTERNATE-SERVER, RFC 8489 §14.15. */
    public static final int ALTERNATE_SERVER = 0x8023;
    /** FINGERPRINT, RFC 8489 §14.7. */
    public static final int FINGERPRINT = 0x8028;
    /** ICE-CONTROLLED, RFC 8445 §16.1. */
    public static final int ICE_CONTROLLED = 0x8029;
    /** ICE-CONTROLLING, RFC 8445 §16.1. */
    public static final int ICE_CONTROLLING = 0x802A;

    /** HMAC-SHA1 output, the value length of MESSAGE-INTEGRITY. */
    static final int INTEGRITY_LENGTH = 20;
    /** Text attributes (REALM, NONCE, SOFTWARE, ERROR-CODE reason) hold fewer than 128 characters: at most 763 bytes. */
    static final int MAX_TEXT_BYTES = 763;
    /** RFC 8489 §14.3: USERNAME holds fewer than 509 bytes. */
    static final int MAX_USERNAME_BYTES = 508;

    private StunAttribute() {
    }

    /**
     * Types 0x0000-0x7FFF are comprehension-required (RFC 8489 §14): an agent that does not
     * understand one must reject the request with 420 and list it in UNKNOWN-ATTRIBUTES.
     */
    public static boolean isComprehensionRequired(int type) {
        return type < 0x8000;
    }

    /** Whether this module understands {@code type}; the others are kept as raw values. */
    public static boolean isKnown(int type) {
        switch (type) {
            case MAPPED_ADDRESS, USERNAME, MESSAGE_INTEGRITY, ERROR_CODE, UNKNOWN_ATTRIBUTES, REALM, NONCE,
                    XOR_MAPPED_ADDRESS, PRIORITY, USE_CANDIDATE, SOFTWARE, ALTERNATE_SERVER, FINGERPRINT,
                    ICE_CONTROLLED, ICE_CONTROLLING -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Checks the value of a known attribute against its section's format; unknown types pass. */
    static void validate(int type, byte[] b, int valueOffset, int length) throws WireFormatException {
        switch (type) {
            case MAPPED_ADDRESS, XOR_MAPPED_ADDRESS, ALTERNATE_SERVER -> StunAddress.validate(type, b, valueOffset, length);
            case MESSAGE_INTEGRITY -> exact(type, length, INTEGRITY_LENGTH);
            case FINGERPRINT, PRIORITY -> exact(type, length, 4);
            case USE_CANDIDATE -> exact(type, length, 0);
            case ICE_CONTROLLED, ICE_CONTROLLING -> exact(type, length, 8);
            case USERNAME -> atMost(type, length, MAX_USERNAME_BYTES);
            case REALM, NONCE, SOFTWARE -> atMost(type, length, MAX_TEXT_BYTES);
            case ERROR_CODE -> validateErrorCode(b, valueOffset, length);
            case UNKNOWN_ATTRIBUTES -> {
                if ((length & 1) != 0) {
                    throw new WireFormatException("STUN: UNKNOWN-ATTRIBUTES length " + length + " is odd");
                }
            }
            default -> {
                // Unknown attributes are opaque: kept, not judged.
            }
        }
    }

    private static void validateErrorCode(byte[] b, int valueOffset, int length) throws WireFormatException {
        if (length < 4) {
            throw new WireFormatException("STUN: ERROR-CODE length " + length + " is shorter than 4");
        }
        atMost(ERROR_CODE, length - 4, MAX_TEXT_BYTES);
        int errorClass = b[valueOffset + 2] & 0x07;
        int number = b[valueOffset + 3] & 0xFF;
        if (errorClass < 3 || errorClass > 6 || number > 99) {
            throw new WireFormatException("STUN: ERROR-CODE class " + errorClass + " number " + number
                    + " is not a code in 300-699");
        }
    }

    private static void exact(int type, int length, int expected) throws WireFormatException {
        if (length != expected) {
            throw new WireFormatException("STUN: " + name(type) + " length " + length + ", expected " + expected);
        }
    }

    private static void atMost(int type, int length, int max) throws WireFormatException {
        if (length > max) {
            throw new WireFormatException("STUN: " + name(type) + " length " + length + " exceeds " + max);
        }
    }

    /** The RFC name of a type, or its hex value, for messages and logs. */
    public static String name(int type) {
        return switch (type) {
            case MAPPED_ADDRESS -> "MAPPED-ADDRESS";
            case USERNAME -> "USERNAME";
            case MESSAGE_INTEGRITY -> "MESSAGE-INTEGRITY";
            case ERROR_CODE -> "ERROR-CODE";
            case UNKNOWN_ATTRIBUTES -> "UNKNOWN-ATTRIBUTES";
            case REALM -> "REALM";
            case NONCE -> "NONCE";
            case XOR_MAPPED_ADDRESS -> "XOR-MAPPED-ADDRESS";
            case PRIORITY -> "PRIORITY";
            case USE_CANDIDATE -> "USE-CANDIDATE";
            case SOFTWARE -> "SOFTWARE";
            case ALTERNATE_SERVER -> "ALTERNATE-SERVER";
            case FINGERPRINT -> "FINGERPRINT";
            case ICE_CONTROLLED -> "ICE-CONTROLLED";
            case ICE_CONTROLLING -> "ICE-CONTROLLING";
            default -> String.format("0x%04X", type);
        };
    }
}
