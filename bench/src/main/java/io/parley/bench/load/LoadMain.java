package io.parley.bench.load;

import io.parley.bench.plot.PlotCommand;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./parley bench SCENARIO}: the load generator. Java SDK engines with synthetic sources and
 * counting sinks against a Parley server of its own (or a running one); a progress line on stderr
 * each second, a table on stdout and a JSON file at the end. Benchmarks report; they never fail on
 * a figure.
 */
@Command(name = "parley bench", mixinStandardHelpOptions = true,
        description = "The load generator. `./parley bench jmh [JMH args]` runs the JMH benchmarks instead.",
        subcommands = {BroadcastCommand.class, MeetingCommand.class, LoginStormCommand.class, PlotCommand.class})
public final class LoadMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        quietLogs();
        System.exit(new CommandLine(new LoadMain()).execute(args));
    }

    /**
     * Warnings and errors only: hundreds of engines log a line per transport at INFO, which would
     * bury the progress line (and cost CPU the load generator needs).
     */
    static void quietLogs() {
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a scenario: broadcast, meeting, login-storm, or plot");
    }
}
