package io.parley.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The relay's control protocol refuses what it cannot use, with a message and exit code 2. */
@Timeout(120)
class RelayControlTest {

    private static String refuse(String stdin, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = FloorBuild.relayBinary().toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // it refused before reading its input: a broken pipe
        }
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isEqualTo(2);
        return said;
    }

    @Test
    void a_line_that_is_not_a_player_is_named() throws Exception {
        assertThat(refuse("player 127.0.0.1 5000\nend\n")).contains("line 1: expected 'player <ipv4>");
    }

    @Test
    void a_short_key_or_a_bad_address_is_refused() throws Exception {
        String salt = "517569642070726f2071756f";
        assertThat(refuse("player 127.0.0.1 5000 1 0 0011 " + salt + "\n")).contains("line 1: bad address, key or salt");
        assertThat(refuse("player 127.0.0.1 5000 1 0 000102030405060708090a0b0c0d0e0f " + salt + "\n"
                + "player 300.0.0.1 5000 1 0 000102030405060708090a0b0c0d0e0f " + salt + "\n")).contains("line 2: bad address");
    }

    @Test
    void no_players_or_an_unknown_option_is_refused() throws Exception {
        assertThat(refuse("end\n")).contains("no players");
        assertThat(refuse("end\n", "--fast")).contains("usage: relay");
    }

    @Test
    void sources_that_are_not_there_are_named(@TempDir Path empty) throws IOException {
        String before = System.getProperty(FloorBuild.SOURCE_PROPERTY);
        System.setProperty(FloorBuild.SOURCE_PROPERTY, empty.toString());
        try {
            assertThatThrownBy(FloorBuild::sourceDirectory).isInstanceOf(IllegalStateException.class).hasMessageContaining("holds no build.sh");
        } finally {
            if (before == null) {
                System.clearProperty(FloorBuild.SOURCE_PROPERTY);
            } else {
                System.setProperty(FloorBuild.SOURCE_PROPERTY, before);
            }
        }
    }
}
