package io.parley.bench.floor;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One player of the floor relay: where it receives, the SSRC and sequence offset the relay
 * rewrites to, and its SRTP AEAD_AES_128_GCM key and 12-byte salt (RFC 7714 section 12).
 *
 * @param address the player's UDP address
 * @param ssrc the SSRC of every packet this player receives
 * @param sequenceOffset added to the published sequence number (mod 2^16) for this player
 * @param key the 16-byte AES key
 * @param salt the 12-byte salt
 */
public record FloorPlayer(InetSocketAddress address, long ssrc, int sequenceOffset, byte[] key, byte[] salt) {
    public FloorPlayer {
        if (ssrc < 0 || ssrc > 0xffff_ffffL || sequenceOffset < 0 || sequenceOffset > 0xffff) {
            throw new IllegalArgumentException("ssrc must be 32-bit and sequenceOffset 16-bit");
        }
        if (key.length != 16 || salt.length != 12) {
            throw new IllegalArgumentException("AEAD_AES_128_GCM wants a 16-byte key and a 12-byte salt");
        }
        key = key.clone();
        salt = salt.clone();
    }

    /** A player at {@code address} with a fresh random SSRC, sequence offset, key and salt. */
    public static FloorPlayer random(InetSocketAddress address, SecureRandom random) {
        byte[] key = new byte[16];
        byte[] salt = new byte[12];
        random.nextBytes(key);
        random.nextBytes(salt);
        return new FloorPlayer(address, random.nextInt() & 0xffff_ffffL, random.nextInt(0x10000), key, salt);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /**
     * RFC 7714 section 8.1: the 12-byte IV is {@code 00 00 || SSRC || ROC || SEQ}, XORed with the
     * salt, written into {@code iv}.
     */
    public void iv(long roc, int sequence, byte[] iv) {
        System.arraycopy(salt, 0, iv, 0, 12);
        iv[2] ^= (byte) (ssrc >>> 24);
        iv[3] ^= (byte) (ssrc >>> 16);
        iv[4] ^= (byte) (ssrc >>> 8);
        iv[5] ^= (byte) ssrc;
        iv[6] ^= (byte) (roc >>> 24);
        iv[7] ^= (byte) (roc >>> 16);
        iv[8] ^= (byte) (roc >>> 8);
        iv[9] ^= (byte) roc;
        iv[10] ^= (byte) (sequence >>> 8);
        iv[11] ^= (byte) sequence;
    }

    /** This player as a line of the relay's control protocol (relay.c). */
    String controlLine() {
        HexFormat hex = HexFormat.of();
        return "player " + address.getAddress().getHostAddress() + " " + address.getPort() + " " + ssrc + " "
                + sequenceOffset + " " + hex.formatHex(key) + " " + hex.formatHex(salt);
    }

    @Override
    public String toString() {
        return "FloorPlayer[" + address + ", ssrc=" + ssrc + "]";
    }
}
