package io.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenPrivilegesTest {

    private static TokenClaims claims(TokenPayload payload) {
        return new TokenClaims(1, "u", 0, 0, 10, payload);
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void anEmptyPayloadGrantsAnyRoomAndAnyStream() {
        TokenClaims basic = claims(TokenPayload.UNRESTRICTED);

        assertThatCode(() -> TokenPrivileges.checkLogin(basic, "any-room")).doesNotThrowAnyException();
        assertThatCode(() -> TokenPrivileges.checkPublish(basic, "any-stream")).doesNotThrowAnyException();
    }

    @Test
    void aRoomRestrictionAdmitsOnlyThatRoom() {
        TokenClaims room1 = claims(new TokenPayload("room1", true, true, List.of()));

        assertThatCode(() -> TokenPrivileges.checkLogin(room1, "room1")).doesNotThrowAnyException();
        assertCode(() -> TokenPrivileges.checkLogin(room1, "room2"), 1002033);
        assertCode(() -> TokenPrivileges.checkLogin(room1, "Room1"), 1002033);
    }

    @Test
    void withoutTheLoginPrivilegeLoginFails() {
        assertCode(() -> TokenPrivileges.checkLogin(claims(new TokenPayload("", false, true, List.of())), "r"), 1002033);
    }

    @Test
    void withoutThePublishPrivilegePublishingFails() {
        TokenClaims viewer = claims(new TokenPayload("room1", true, false, List.of("s1")));

        assertThatCode(() -> TokenPrivileges.checkLogin(viewer, "room1")).doesNotThrowAnyException();
        assertCode(() -> TokenPrivileges.checkPublish(viewer, "s1"), 1003025);
    }

    @Test
    void aStreamListAdmitsOnlyItsStreams() {
        TokenClaims listed = claims(new TokenPayload("", true, true, List.of("s1", "s2")));

        assertThatCode(() -> TokenPrivileges.checkPublish(listed, "s2")).doesNotThrowAnyException();
        assertCode(() -> TokenPrivileges.checkPublish(listed, "s3"), 1003025);
    }
}
