package io.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.server.app.App;
import io.parley.server.app.AppLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    static final String SIGN = "ab".repeat(32);
    static final String SECRET = "0123456789abcdefghijklmnopqrstuv";
    static final String APP = """
            apps:
              - appID: 1234567890
                appSign: "%s"
                serverSecret: "%s"
            """.formatted(SIGN, SECRET);

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("parley.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private void assertRefused(String yaml, String... fragments) throws IOException {
        Path file = write(yaml);
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContainingAll(fragments)
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining(SIGN);
    }

    @Test
    void readsAFullFile() throws Exception {
        ParleyConfig config = ConfigLoader.load(write("""
                http:  { host: 0.0.0.0, port: 8443 }
                media: { host: 192.0.2.1, port: 40000 }
                apps:
                  - appID: 1234567890
                    appSign: "%s"
                    serverSecret: "%s"
                    allowAppSignLogin: false
                    limits: { maxUsersPerRoom: 50, maxRoomsPerUser: 2, broadcastPerSecondPerRoom: 5, requestsPerSecondPerSession: 20 }
                  - appID: 7
                    appSign: "%s"
                    serverSecret: "%s"
                """.formatted(SIGN.toUpperCase(), SECRET, SIGN, SECRET)));

        assertThat(config.http()).isEqualTo(new HttpConfig("0.0.0.0", 8443));
        assertThat(config.media()).isEqualTo(new MediaConfig("192.0.2.1", 40000));
        assertThat(config.development()).isFalse();
        assertThat(config.apps()).containsExactly(
                new App(1234567890, SIGN, SECRET, false, new AppLimits(50, 2, 5, 20)),
                new App(7, SIGN, SECRET, true, AppLimits.DEFAULT));
    }

    @Test
    void defaultsTheListenersAndPartialLimits() throws Exception {
        ParleyConfig config = ConfigLoader.load(write(APP.replace("serverSecret", "limits: { maxRoomsPerUser: 3 }\n    serverSecret")));

        assertThat(config.http()).isEqualTo(HttpConfig.DEFAULT);
        assertThat(config.media()).isEqualTo(MediaConfig.DEFAULT);
        assertThat(config.apps().get(0).limits()).isEqualTo(new AppLimits(10_000, 3, 10, 50));
    }

    @Test
    void refusesAnUnknownKeyAndNamesIt() throws Exception {
        assertRefused("htp: { port: 1 }\n" + APP, "unknown key 'htp'");
        assertRefused("http: { prot: 1 }\n" + APP, "unknown key 'http.prot'");
        assertRefused(APP + "    allowAppsignLogin: true\n", "unknown key 'apps[0].allowAppsignLogin'");
        assertRefused(APP + "    limits: { maxUser: 5 }\n", "unknown key 'apps[0].limits.maxUser'");
    }

    @Test
    void refusesAMissingFile() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(missing))
                .isInstanceOf(ConfigException.class).hasMessageContaining(missing.toString()).hasMessageContaining("no such file");
    }

    @Test
    void refusesBadYamlWithItsLineAndWithoutEchoingTheLine() throws Exception {
        assertRefused("apps: [\n  { appID: 1, appSign: \"" + SIGN + "\"\n", "not valid YAML", "line");
        assertRefused("apps:\n  - appSign: \"" + SIGN + "\" junk\n", "not valid YAML", "line 2");
        assertRefused("", "empty");
        assertRefused("just a string", "must be a mapping");
    }

    @Test
    void refusesDuplicateKeysAndDuplicateAppIds() throws Exception {
        assertRefused("http: { port: 1 }\nhttp: { port: 2 }\n" + APP, "not valid YAML");
        assertRefused(APP + APP.replace("apps:\n", ""), "apps[1].appID", "repeats appID 1234567890");
    }

    @Test
    void refusesBadSecrets() throws Exception {
        assertRefused(APP.replace(SIGN, SIGN.substring(1)), "apps[0].appSign", "64 hex", "63");
        assertRefused(APP.replace(SIGN, "zz" + SIGN.substring(2)), "apps[0].appSign", "64 hex");
        assertRefused(APP.replace(SECRET, "short"), "apps[0].serverSecret", "32");
        assertRefused(APP.replace("\"" + SIGN + "\"", "1234"), "apps[0].appSign", "quoted string");
    }

    @Test
    void refusesPortsOutOfRangeAndBadAppIds() throws Exception {
        assertRefused("http: { port: 70000 }\n" + APP, "http.port", "between 0 and 65535", "70000");
        assertRefused("media: { port: -1 }\n" + APP, "media.port");
        assertRefused("http: { port: eighty }\n" + APP, "http.port", "whole number");
        assertRefused(APP.replace("1234567890", "4294967296"), "apps[0].appID");
        assertRefused(APP.replace("1234567890", "0"), "apps[0].appID");
        assertRefused(APP + "    limits: { maxUsersPerRoom: 0 }\n", "apps[0].limits.maxUsersPerRoom");
        assertRefused(APP + "    allowAppSignLogin: yes please\n", "allowAppSignLogin", "true or false");
    }

    @Test
    void refusesAFileWithoutApps() throws Exception {
        assertRefused("http: { port: 8080 }\n", "missing key 'apps'");
        assertRefused("apps: []\n", "at least one app");
        assertRefused("apps: { appID: 1 }\n", "must be a list");
    }

    @Test
    void developmentMakesOneRandomAppThatDiffersEachTime() {
        ParleyConfig a = ConfigLoader.development(new SecureRandom());
        ParleyConfig b = ConfigLoader.development(new SecureRandom());

        assertThat(a.development()).isTrue();
        assertThat(a.apps()).hasSize(1);
        App app = a.apps().get(0);
        assertThat(app.appId()).isBetween(1L, 0xFFFF_FFFFL);
        assertThat(app.appSign()).matches("[0-9a-f]{64}");
        assertThat(app.serverSecret()).matches("[A-Za-z0-9]{32}");
        assertThat(app.allowAppSignLogin()).isTrue();
        assertThat(b.apps().get(0).appSign()).isNotEqualTo(app.appSign());
        assertThat(b.apps().get(0).serverSecret()).isNotEqualTo(app.serverSecret());
    }
}
