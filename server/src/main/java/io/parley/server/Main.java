package io.parley.server;

import io.parley.server.cli.ServeCommand;
import io.parley.server.cli.TokenCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parley} command line: {@code serve} runs the server, {@code token} mints a Token04. */
@Command(name = "parley", mixinStandardHelpOptions = true, version = "parley 0.1.0",
        subcommands = {ServeCommand.class, TokenCommand.class},
        description = "Self-hosted real-time audio and video with ZEGO Express's API.")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
