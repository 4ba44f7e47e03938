package io.parley.wire.stun;

/**
 * The 14-bit STUN message type of RFC 8489 §5: a 12-bit method with the two class bits C0 and C1
 * interleaved at bit positions 4 and 8, so that the type field reads
 * {@code M11..M7 C1 M6..M4 C0 M3..M0}.
 */
public final class StunMessageType {
    /** The Binding method (RFC 8489 §18.2), the only method ICE needs. */
    public static final int BINDING = 0x001;

    /** Class bits {@code 0b00}: a request. */
    public static final int REQUEST = 0b00;
    /** Class bits {@code 0b01}: an indication. */
    public static final int INDICATION = 0b01;
    /** Class bits {@code 0b10}: a success response. */
    public static final int SUCCESS_RESPONSE = 0b10;
    /** Class bits {@code 0b11}: an error response. */
    public static final int ERROR_RESPONSE = 0b11;

    /** The Binding request, {@code 0x0001}. */
    public static final int BINDING_REQUEST = of(BINDING, REQUEST);
    /** The Binding indication, {@code 0x0011}, used as an ICE keepalive. */
    public static final int BINDING_INDICATION = of(BINDING, INDICATION);
    /** The Binding success response, {@code 0x0101}. */
    public static final int BINDING_SUCCESS_RESPONSE = of(BINDING, SUCCESS_RESPONSE);
    /** The Binding error response, {@code 0x0111}. */
    public static final int BINDING_ERROR_RESPONSE = of(BINDING, ERROR_RESPONSE);

    private StunMessageType() {
    }

    /**
     * Builds a message type from a method (0 to 0xFFF) and a class (0 to 3).
     *
     * @throws IllegalArgumentException when either is out of range
     */
    public static int of(int method, int messageClass) {
        if (method < 0 || method > 0xFFF) {
            throw new IllegalArgumentException("STUN method out of range: " + method);
        }
        if (messageClass < 0 || messageClass > 3) {
            throw new IllegalArgumentException("STUN class out of range: " + messageClass);
        }
        return (method & 0x000F) | ((method & 0x0070) << 1) | ((method & 0x0F80) << 2)
                | ((messageClass & 0b01) << 4) | ((messageClass & 0b10) << 7);
    }

    /** The 12-bit method of a 14-bit message type. */
    public static int method(int type) {
        return (type & 0x000F) | ((type & 0x00E0) >>> 1) | ((type & 0x3E00) >>> 2);
    }

    /** The class (0 to 3) of a 14-bit message type. */
    public static int messageClass(int type) {
        return ((type >>> 4) & 0b01) | ((type >>> 7) & 0b10);
    }
}
