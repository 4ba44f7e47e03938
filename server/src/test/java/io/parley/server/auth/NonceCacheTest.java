package io.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NonceCacheTest {

    @Test
    void aNonceIsFirstOnceThenAReplayUntilItsTtlEnds() {
        NonceCache cache = new NonceCache(10, 1200);

        assertThat(cache.firstUse(1, "aa", 1000)).isTrue();
        assertThat(cache.use(1, "aa", 1000)).isEqualTo(NonceCache.Use.REPLAY);
        assertThat(cache.use(1, "aa", 2199)).isEqualTo(NonceCache.Use.REPLAY);
        assertThat(cache.use(1, "aa", 2200)).isEqualTo(NonceCache.Use.FIRST);
    }

    @Test
    void noncesAreKeptPerApp() {
        NonceCache cache = new NonceCache(10, 60);

        assertThat(cache.firstUse(1, "aa", 0)).isTrue();
        assertThat(cache.firstUse(2, "aa", 0)).isTrue();
        assertThat(cache.firstUse(1, "ab", 0)).isTrue();
    }

    @Test
    void whenFullOfLiveNoncesItRefusesNewOnesInsteadOfForgettingOld() {
        NonceCache cache = new NonceCache(2, 60);
        cache.firstUse(1, "a", 0);
        cache.firstUse(1, "b", 10);

        assertThat(cache.use(1, "c", 20)).isEqualTo(NonceCache.Use.FULL);
        assertThat(cache.use(1, "a", 20)).isEqualTo(NonceCache.Use.REPLAY);
        assertThat(cache.use(1, "c", 60)).isEqualTo(NonceCache.Use.FIRST);   // "a" expired and was dropped
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfNonces() {
        NonceCache cache = new NonceCache(1000, 100);
        for (int i = 0; i < 100_000; i++) {
            cache.use(1, Integer.toHexString(i), i / 10);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(1000);
    }
}
