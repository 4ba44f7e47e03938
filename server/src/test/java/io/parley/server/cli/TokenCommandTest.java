package io.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.app.App;
import io.parley.server.auth.Token04;
import io.parley.server.auth.TokenClaims;
import io.parley.server.auth.TokenPayload;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TokenCommandTest {
    static final String SIGN = "cd".repeat(32);
    static final String SECRET = "abcdefghijklmnopqrstuvwxyz012345";
    static final App APP = new App(987654321, SIGN, SECRET, true, null);
    static final long NOW = 1_795_000_000L;

    @TempDir
    Path dir;
    Path config;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("parley.yaml");
        Files.writeString(config, """
                apps:
                  - appID: 987654321
                    appSign: "%s"
                    serverSecret: "%s"
                """.formatted(SIGN, SECRET));
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new TokenCommand(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String printedToken() {
        String printed = out.toString();
        assertThat(printed).endsWith(System.lineSeparator());
        String token = printed.strip();
        assertThat(token).doesNotContain("\n").startsWith("04");
        return token;
    }

    private static int ivLength(String token) {
        byte[] raw = Base64.getDecoder().decode(token.substring(2));
        return ((raw[8] & 0xFF) << 8) | (raw[9] & 0xFF);
    }

    @Test
    void printsAGcmTokenThatVerifiesAndGrantsEverythingByDefault() throws Exception {
        int code = run("--config", config.toString(), "--app-id", "987654321", "--user-id", "alice");

        assertThat(code).isZero();
        assertThat(err.toString()).isEmpty();
        String token = printedToken();
        assertThat(ivLength(token)).isEqualTo(12);
        TokenClaims claims = Token04.verify(token, APP, "alice", NOW);
        assertThat(claims.expireAt()).isEqualTo(NOW + 3600);
        assertThat(claims.payload()).isEqualTo(new TokenPayload("", true, true, List.of()));
    }

    @Test
    void restrictsRoomPublishingAndStreamsAndUsesCbcWhenAsked() throws Exception {
        int code = run("--config", config.toString(), "--app-id", "987654321", "--user-id", "bob",
                "--room", "room1", "--no-publish", "--streams", "s1,s2", "--ttl", "60", "--cbc");

        assertThat(code).isZero();
        String token = printedToken();
        assertThat(ivLength(token)).isEqualTo(16);
        TokenClaims claims = Token04.verify(token, APP, "bob", NOW + 59);
        assertThat(claims.payload()).isEqualTo(new TokenPayload("room1", true, false, List.of("s1", "s2")));
    }

    @Test
    void anUnknownAppIsAnErrorOnStandardError() {
        int code = run("--config", config.toString(), "--app-id", "1", "--user-id", "alice");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("no app with appID 1");
    }

    @Test
    void aBadConfigIsAnErrorThatNamesTheFile() throws Exception {
        Files.writeString(config, "apps: [ { appID: 1, nonsense: true } ]\n");

        int code = run("--config", config.toString(), "--app-id", "1", "--user-id", "alice");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains(config.toString()).contains("nonsense");
    }

    @Test
    void aMissingOptionOrBadTtlIsAnError() {
        assertThat(run("--config", config.toString(), "--app-id", "987654321")).isNotZero();
        assertThat(run("--config", config.toString(), "--app-id", "987654321", "--user-id", "a", "--ttl", "0"))
                .isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("--user-id").contains("--ttl");
    }
}
