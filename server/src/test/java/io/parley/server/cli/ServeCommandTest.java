package io.parley.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.server.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line: subcommands are registered and serve refuses a bad config before binding anything. */
class ServeCommandTest {
    @Test
    void serveWithAMissingConfigFailsWithExitCode2() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setErr(new PrintWriter(err));
        assertThat(cli.execute("serve", "--config", "/nonexistent/parley.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("parley serve:");
    }

    @Test
    void serveRefusesAPortOutOfRangeBeforeBindingAnything() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setErr(new PrintWriter(err));
        assertThat(cli.execute("serve", "--http-port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("parley serve:", "http.port");
        assertThat(cli.execute("serve", "--media-port", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("media.port");
    }

    @Test
    void helpListsServeAndToken() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("serve", "token");
    }
}
