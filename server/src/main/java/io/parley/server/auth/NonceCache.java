package io.parley.server.auth;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SignatureNonces of REST requests already served, so a captured request cannot be replayed
 * while its Timestamp is still inside the window. Memory is bounded: at most {@code maxEntries}
 * nonces are held, each for {@code ttlSeconds} after its first use; when the cache is full of
 * live nonces a new one is refused ({@link Use#FULL}) rather than an old one forgotten, since
 * forgetting would reopen that nonce to replay.
 */
public final class NonceCache {

    /** What one use of a nonce turned out to be. */
    public enum Use {
        /** Never seen (or seen longer ago than the TTL): the request may proceed. */
        FIRST,
        /** Seen within the TTL: a replay. */
        REPLAY,
        /** Not seen, but the cache holds {@code maxEntries} live nonces and cannot remember another. */
        FULL
    }

    private final int maxEntries;
    private final long ttlSeconds;
    /** Key to expiry, in insertion order, so the oldest sit first and expire first. */
    private final LinkedHashMap<String, Long> expiries = new LinkedHashMap<>();

    /** A cache of at most {@code maxEntries} nonces, each remembered for {@code ttlSeconds}. */
    public NonceCache(int maxEntries, long ttlSeconds) {
        if (maxEntries < 1 || ttlSeconds < 1) {
            throw new IllegalArgumentException("maxEntries and ttlSeconds must be at least 1");
        }
        this.maxEntries = maxEntries;
        this.ttlSeconds = ttlSeconds;
    }

    /** True only the first time {@code nonce} of {@code appId} is used within the TTL, and only if it could be remembered. */
    public boolean firstUse(long appId, String nonce, long nowSeconds) {
        return use(appId, nonce, nowSeconds) == Use.FIRST;
    }

    /** Records {@code nonce} of {@code appId} at {@code nowSeconds} and says whether it was new. */
    public synchronized Use use(long appId, String nonce, long nowSeconds) {
        evictExpired(nowSeconds);
        String key = appId + ":" + nonce;
        Long expiry = expiries.get(key);
        if (expiry != null && expiry > nowSeconds) {
            return Use.REPLAY;
        }
        if (expiry == null && expiries.size() >= maxEntries) {
            return Use.FULL;
        }
        expiries.remove(key);
        expiries.put(key, nowSeconds + ttlSeconds);
        return Use.FIRST;
    }

    /** How many nonces are held now. */
    public synchronized int size() {
        return expiries.size();
    }

    private void evictExpired(long nowSeconds) {
        Iterator<Map.Entry<String, Long>> it = expiries.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue() > nowSeconds) {
                // Entries sit in insertion order, so the rest expire later (clocks that step back excepted).
                return;
            }
            it.remove();
        }
    }
}
