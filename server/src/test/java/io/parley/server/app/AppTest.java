package io.parley.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AppTest {
    static final String SIGN = "0123456789ABCDEF".repeat(4);
    static final String SECRET = "0123456789abcdefghijklmnopqrstuv";

    @Test
    void keepsTheAppSignLowerCaseAndDefaultsTheLimits() {
        App app = new App(1, SIGN, SECRET, true, null);

        assertThat(app.appSign()).isEqualTo(SIGN.toLowerCase());
        assertThat(app.limits()).isEqualTo(AppLimits.DEFAULT);
        assertThat(app.appSignBytes()).hasSize(32);
        assertThat(app.serverSecretBytes()).hasSize(32);
    }

    @Test
    void toStringHidesBothSecrets() {
        String shown = new App(7, SIGN, SECRET, false, null).toString();

        assertThat(shown).contains("7").doesNotContain(SECRET).doesNotContainIgnoringCase(SIGN);
    }

    @Test
    void refusesAppIdsOutsideUint32() {
        assertThatThrownBy(() -> new App(0, SIGN, SECRET, true, null)).hasMessageContaining("appID");
        assertThatThrownBy(() -> new App(1L << 32, SIGN, SECRET, true, null)).hasMessageContaining("appID");
        assertThat(new App(0xFFFF_FFFFL, SIGN, SECRET, true, null).appId()).isEqualTo(4294967295L);
    }

    @Test
    void refusesABadAppSignWithoutEchoingIt() {
        String bad = "g".repeat(64);
        assertThatThrownBy(() -> new App(1, bad, SECRET, true, null))
                .hasMessageContaining("appSign").hasMessageNotContaining(bad);
        assertThatThrownBy(() -> new App(1, SIGN.substring(2), SECRET, true, null)).hasMessageContaining("62");
    }

    @Test
    void refusesAServerSecretThatIsNot32PrintableAsciiCharacters() {
        assertThatThrownBy(() -> new App(1, SIGN, SECRET + "x", true, null)).hasMessageContaining("serverSecret");
        assertThatThrownBy(() -> new App(1, SIGN, SECRET.substring(1) + "é", true, null))
                .hasMessageContaining("serverSecret");
        assertThatThrownBy(() -> new App(1, SIGN, SECRET.substring(1) + " ", true, null))
                .hasMessageContaining("serverSecret");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new AppLimits(0, 1, 1, 1)).hasMessageContaining("maxUsersPerRoom");
        assertThatThrownBy(() -> new AppLimits(1, 1, 1, -5)).hasMessageContaining("requestsPerSecondPerSession");
    }

    @Test
    void theRegistryFindsAppsAndRefusesDuplicateIds() {
        App a = new App(1, SIGN, SECRET, true, null);
        App b = new App(2, SIGN, SECRET, true, null);
        InMemoryAppRegistry registry = new InMemoryAppRegistry(List.of(b, a));

        assertThat(registry.find(1)).contains(a);
        assertThat(registry.find(3)).isEmpty();
        assertThat(registry.all()).containsExactly(b, a);
        assertThatThrownBy(() -> new InMemoryAppRegistry(List.of(a, a))).hasMessageContaining("duplicate appID 1");
    }
}
