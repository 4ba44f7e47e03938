package io.parley.server.cli;

import io.parley.server.app.App;
import io.parley.server.auth.Token04;
import io.parley.server.auth.TokenPayload;
import io.parley.server.config.ConfigException;
import io.parley.server.config.ConfigLoader;
import io.parley.server.config.ParleyConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parley token}: mints a Token04 for one user of an app in the configuration file and
 * prints it alone on standard output, so that {@code TOKEN=$(parley token ...)} works. Errors go
 * to standard error with exit code 1.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Prints a Token04 for a user of an app in the configuration file (AES-GCM unless --cbc).")
public final class TokenCommand implements Callable<Integer> {
    private final Clock clock;

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "the server's YAML configuration")
    private Path config;

    @Option(names = "--app-id", required = true, paramLabel = "ID", description = "the AppID")
    private long appId;

    @Option(names = "--user-id", required = true, paramLabel = "USER", description = "the userID the token is for")
    private String userId;

    @Option(names = "--room", paramLabel = "ROOM", defaultValue = "",
            description = "the only room it may log in to (default: any room)")
    private String room;

    @Option(names = "--no-publish", description = "do not grant publishing")
    private boolean noPublish;

    @Option(names = "--streams", split = ",", paramLabel = "ID",
            description = "the only streamIDs it may publish, comma-separated (default: any)")
    private List<String> streams = new ArrayList<>();

    @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "3600",
            description = "seconds until it expires (default: ${DEFAULT-VALUE})")
    private long ttlSeconds;

    @Option(names = "--cbc", description = "use ZEGO's older AES-CBC variant instead of AES-GCM")
    private boolean cbc;

    /** A command reading the system clock. */
    public TokenCommand() {
        this(Clock.systemUTC());
    }

    /** A command reading {@code clock}, for tests. */
    public TokenCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (ttlSeconds < 1) {
            err.println("error: --ttl must be at least 1 second, got " + ttlSeconds);
            return 1;
        }
        if (userId.isEmpty()) {
            err.println("error: --user-id must not be empty");
            return 1;
        }
        ParleyConfig parsed;
        try {
            parsed = ConfigLoader.load(config);
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        Optional<App> app = parsed.apps().stream().filter(a -> a.appId() == appId).findFirst();
        if (app.isEmpty()) {
            err.println("error: " + config + " has no app with appID " + appId);
            return 1;
        }
        TokenPayload payload = new TokenPayload(room, true, !noPublish, streams);
        String token = Token04.mint(app.get(), userId, payload, ttlSeconds,
                cbc ? Token04.Mode.CBC : Token04.Mode.GCM, clock.instant().getEpochSecond());
        PrintWriter out = spec.commandLine().getOut();
        out.println(token);
        out.flush();
        return 0;
    }
}
