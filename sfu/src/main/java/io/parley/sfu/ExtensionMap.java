package io.parley.sfu;

/**
 * How a player's negotiated header extension IDs (RFC 8285 §5, {@code a=extmap}) relate to the
 * publisher's: each publisher ID maps to the player's ID for the same URI, or to nothing, in which
 * case the element is dropped from the player's packets. Immutable.
 */
public final class ExtensionMap {
    /** Drops every extension. */
    public static final ExtensionMap NONE = new ExtensionMap(new int[256]);

    private final int[] playerIds;

    private ExtensionMap(int[] playerIds) {
        this.playerIds = playerIds;
    }

    /** A map from pairs {@code publisherId, playerId, ...}, each ID 1-255. */
    public static ExtensionMap of(int... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("extension map needs publisher/player ID pairs");
        }
        int[] ids = new int[256];
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] < 1 || pairs[i] > 255 || pairs[i + 1] < 1 || pairs[i + 1] > 255) {
                throw new IllegalArgumentException("extension IDs must be 1-255: " + pairs[i] + " -> " + pairs[i + 1]);
            }
            ids[pairs[i]] = pairs[i + 1];
        }
        return new ExtensionMap(ids);
    }

    /** The player's ID for the publisher's {@code publisherId}, or 0 to drop the element. */
    public int playerId(int publisherId) {
        return playerIds[publisherId & 0xFF];
    }
}
