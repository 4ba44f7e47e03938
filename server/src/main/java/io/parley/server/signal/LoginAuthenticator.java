package io.parley.server.signal;

import io.parley.protocol.ErrorCode;
import io.parley.protocol.ProtocolException;
import io.parley.server.app.App;
import io.parley.server.app.AppRegistry;
import io.parley.server.auth.AppSignProof;
import io.parley.server.auth.AuthException;
import io.parley.server.auth.Token04;
import io.parley.server.auth.TokenClaims;
import io.parley.server.auth.TokenPrivileges;
import io.parley.server.room.Grant;

/**
 * Turns a login's credentials into a {@link Grant}: a Token04 (verified and checked for the room's
 * login privilege) or an AppSign proof over this connection's hello nonce. docs/auth.md has the details.
 */
final class LoginAuthenticator {
    private final AppRegistry apps;

    LoginAuthenticator(AppRegistry apps) {
        this.apps = apps;
    }

    App app(long appId) throws ProtocolException {
        return apps.find(appId).orElseThrow(() -> new ProtocolException(ErrorCode.WRONG_APP_ID, "unknown AppID " + appId));
    }

    /** Checks a login's token or AppSign proof; {@code nonce} is the one hello gave (null if no hello). */
    Grant login(App app, String userId, String roomId, String token, String proof, String nonce, long nowMillis)
            throws ProtocolException {
        if (token != null && !token.isEmpty()) {
            return tokenGrant(app, userId, roomId, token, nowMillis);
        }
        if (proof != null && !proof.isEmpty()) {
            if (!app.allowAppSignLogin()) {
                throw new ProtocolException(ErrorCode.AUTHENTICATION_FAILED, "this app accepts token logins only");
            }
            if (nonce == null) {
                throw new ProtocolException(ErrorCode.INVALID_STATE, "an AppSign proof needs a hello first");
            }
            if (!AppSignProof.verify(app, userId, roomId, nonce, proof)) {
                throw new ProtocolException(ErrorCode.WRONG_APP_SIGN, "the AppSign proof does not match");
            }
            return Grant.UNRESTRICTED;
        }
        throw new ProtocolException(ErrorCode.NO_CREDENTIALS, "neither token nor appSignProof given");
    }

    /** Verifies a token for this user and room; renewToken uses it too. */
    Grant tokenGrant(App app, String userId, String roomId, String token, long nowMillis) throws ProtocolException {
        try {
            TokenClaims claims = Token04.verify(token, app, userId, nowMillis / 1000);
            TokenPrivileges.checkLogin(claims, roomId);
            return new Grant(claims.expireAt() * 1000, streamId -> mayPublish(claims, streamId));
        } catch (AuthException e) {
            ErrorCode code = ErrorCode.of(e.code());
            throw new ProtocolException(code == null ? ErrorCode.AUTHENTICATION_FAILED : code, e.getMessage());
        }
    }

    private static boolean mayPublish(TokenClaims claims, String streamId) {
        try {
            TokenPrivileges.checkPublish(claims, streamId);
            return true;
        } catch (AuthException e) {
            return false;
        }
    }
}
