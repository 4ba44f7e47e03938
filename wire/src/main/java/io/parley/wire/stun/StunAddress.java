package io.parley.wire.stun;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The address value shared by MAPPED-ADDRESS (RFC 8489 §14.1) and XOR-MAPPED-ADDRESS (§14.2):
 * reserved byte, family (1 = IPv4, 2 = IPv6), port, address. The XOR form obfuscates port and
 * address with the bytes that follow the message type and length: the magic cookie and then the
 * transaction ID, which is why the XOR key is simply the message's bytes 4 to 19.
 */
final class StunAddress {
    static final int FAMILY_IPV4 = 0x01;
    static final int FAMILY_IPV6 = 0x02;
    /** Offset of the cookie from the start of the message: the XOR key starts here. */
    private static final int XOR_KEY_OFFSET = 4;

    private StunAddress() {
    }

    static void validate(int type, byte[] b, int valueOffset, int length) throws WireFormatException {
        if (length < 4) {
            throw new WireFormatException("STUN: " + StunAttribute.name(type) + " length " + length
                    + " is shorter than 4");
        }
        int family = b[valueOffset + 1] & 0xFF;
        int expected = switch (family) {
            case FAMILY_IPV4 -> 8;
            case FAMILY_IPV6 -> 20;
            default -> throw new WireFormatException("STUN: " + StunAttribute.name(type) + " has bad address family "
                    + family);
        };
        if (length != expected) {
            throw new WireFormatException("STUN: " + StunAttribute.name(type) + " length " + length + " for family "
                    + family + ", expected " + expected);
        }
    }

    /** Reads a validated address value; {@code xor} undoes the §14.2 obfuscation keyed by the message at {@code messageOffset}. */
    static InetSocketAddress read(byte[] b, int valueOffset, int length, boolean xor, int messageOffset) {
        int addressLength = length - 4;
        byte[] address = new byte[addressLength];
        int port = Bytes.u16(b, valueOffset + 2);
        for (int i = 0; i < addressLength; i++) {
            address[i] = b[valueOffset + 4 + i];
        }
        if (xor) {
            port ^= Bytes.u16(b, messageOffset + XOR_KEY_OFFSET);
            for (int i = 0; i < addressLength; i++) {
                address[i] ^= b[messageOffset + XOR_KEY_OFFSET + i];
            }
        }
        try {
            // Inet6Address directly: InetAddress.getByAddress would turn an IPv4-mapped IPv6
            // address into an Inet4Address and change the family on a round trip.
            InetAddress ip = addressLength == 16 ? Inet6Address.getByAddress(null, address, -1)
                    : InetAddress.getByAddress(address);
            return new InetSocketAddress(ip, port);
        } catch (UnknownHostException e) {
            throw new AssertionError("validated address of " + addressLength + " bytes", e);
        }
    }

    /** Writes the value of {@code address} at {@code valueOffset}; returns the value length (8 or 20). */
    static int write(byte[] b, int valueOffset, InetSocketAddress address, boolean xor, int messageOffset) {
        InetAddress ip = address.getAddress();
        if (ip == null) {
            throw new IllegalArgumentException("STUN: unresolved address " + address);
        }
        byte[] raw = ip.getAddress();
        int family = ip instanceof Inet6Address ? FAMILY_IPV6 : FAMILY_IPV4;
        assert ip instanceof Inet4Address || ip instanceof Inet6Address;
        int port = address.getPort();
        if (xor) {
            port ^= Bytes.u16(b, messageOffset + XOR_KEY_OFFSET);
        }
        b[valueOffset] = 0;
        b[valueOffset + 1] = (byte) family;
        Bytes.put16(b, valueOffset + 2, port);
        for (int i = 0; i < raw.length; i++) {
            byte key = xor ? b[messageOffset + XOR_KEY_OFFSET + i] : 0;
            b[valueOffset + 4 + i] = (byte) (raw[i] ^ key);
        }
        return 4 + raw.length;
    }
}
