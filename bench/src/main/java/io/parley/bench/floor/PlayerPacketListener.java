package io.parley.bench.floor;

/**
 * Sees every SRTP packet a player of the floor receives, as it came off the wire, on the receive
 * thread (keep it short: the receive side must not starve the relay). Tests use it to verify the
 * GCM tags; a load run passes none.
 */
@FunctionalInterface
public interface PlayerPacketListener {
    void onPacket(FloorPlayer player, byte[] packet, int length);
}
