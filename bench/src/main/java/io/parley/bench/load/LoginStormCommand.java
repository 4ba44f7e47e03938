package io.parley.bench.load;

import io.parley.bench.load.report.Measurement;
import io.parley.bench.load.report.Point;
import io.parley.bench.load.run.LoginStormRun;
import io.parley.bench.load.targets.ParleyTarget;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code login-storm}: N logins to one room as fast as the server accepts them. */
@Command(name = "login-storm", mixinStandardHelpOptions = true, sortOptions = false,
        description = "N Java SDK engines log in to one room as fast as the server accepts them, --in-flight at a time, "
                + "after a warm-up storm of N/4. Reports logins/s, login time p50/p99/max (loginRoom to CONNECTED; the "
                + "goal: p50 <= 5 ms on loopback), the server's CPU and its live heap per session.")
final class LoginStormCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--logins", paramLabel = "N", defaultValue = "500", description = "Logins in the storm (default: ${DEFAULT-VALUE}).")
    int logins;

    @Mixin
    TargetOptions target;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        target.validate();
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
        Measurement m;
        try (ProgressLine progress = new ProgressLine(System.err)) {
            progress.show("parley: starting the server");
            try (ParleyTarget parley = target.open()) {
                m = new LoginStormRun(parley, logins, run.inFlight, run.callTimeout(), progress).run();
            }
        }
        String load = logins + " logins to one room, " + run.inFlight + " in flight";
        Scenarios.finish(Scenarios.report("login-storm", started, spec.commandLine().getParseResult().originalArgs(), load,
                List.of(new Point(0, m, null, null))), started, run, System.out, System.err);
        return 0;
    }
}
