package io.parley.server.auth;

import java.util.Objects;

/**
 * The verified content of a Token04.
 *
 * @param appId     the AppID it was minted for
 * @param userId    the userID it was minted for
 * @param nonce     the minter's random number (makes two tokens of one second differ)
 * @param createdAt {@code ctime}, unix seconds
 * @param expireAt  {@code expire}, unix seconds; the token is valid while now is before it
 * @param payload   what it grants
 */
public record TokenClaims(long appId, String userId, long nonce, long createdAt, long expireAt, TokenPayload payload) {

    /** Refuses nulls. */
    public TokenClaims {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(payload, "payload");
    }
}
