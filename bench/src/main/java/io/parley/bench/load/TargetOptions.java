package io.parley.bench.load;

import io.parley.bench.load.server.BenchApp;
import io.parley.bench.load.server.ServerProcess;
import io.parley.bench.load.targets.ParleyTarget;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Which Parley server a run loads: by default a server jar the generator starts as its own process
 * (a fresh one per load size, so each one's memory figures start clean), or a running server named
 * by its URL, pid and the app whose ServerSecret mints the tokens.
 */
public final class TargetOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL",
            description = "Load a running server (http://host:port) instead of starting one; needs --server-pid, --app-id and "
                    + "--server-secret.")
    URI server;

    @Option(names = "--server-pid", paramLabel = "PID", description = "The running server's process id on this host (for its CPU and memory).")
    Long serverPid;

    @Option(names = "--app-id", paramLabel = "APPID", description = "With --server: the app to log in to.")
    Long appId;

    @Option(names = "--server-secret", paramLabel = "SECRET",
            description = "With --server: that app's 32-character ServerSecret, to mint Token04s (default: $PARLEY_SERVER_SECRET).")
    String serverSecret = System.getenv("PARLEY_SERVER_SECRET");

    @Option(names = "--server-jar", paramLabel = "JAR",
            description = "The server jar to start (default: the newest server/target/parley-server-*-all.jar).")
    Path serverJar;

    @Option(names = "--server-jvm", paramLabel = "OPTIONS", defaultValue = "-Xms512m -Xmx2g -XX:+UseG1GC -XX:-UseDynamicNumberOfCompilerThreads",
            description = "JVM options of the server it starts (default: ${DEFAULT-VALUE}).")
    String serverJvm;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "bench/target/load",
            description = "Where the started server's config, log and GC log go (default: ${DEFAULT-VALUE}).")
    Path workDir;

    /** Checks the options that go together; picocli reports the message with the usage. */
    void validate() {
        if (server != null && (serverPid == null || appId == null || serverSecret == null)) {
            throw new ParameterException(spec.commandLine(), "--server needs --server-pid, --app-id and --server-secret (or $PARLEY_SERVER_SECRET)");
        }
        if (server == null && serverPid != null) {
            throw new ParameterException(spec.commandLine(), "--server-pid goes with --server");
        }
    }

    /** Whether each load size gets a server of its own. */
    boolean startsServers() {
        return server == null;
    }

    /** The target: a server started now (closing the target stops it) or the running one. */
    ParleyTarget open() throws IOException, InterruptedException {
        if (server != null) {
            return ParleyTarget.running(server, serverPid, BenchApp.of(appId, serverSecret));
        }
        BenchApp app = BenchApp.random(new SecureRandom());
        Path dir = workDir.toAbsolutePath();
        Path config = app.writeConfig(dir.resolve("server.yaml"));
        Path jar = serverJar != null ? serverJar : ServerProcess.findJar(Path.of("").toAbsolutePath());
        List<String> jvm = Arrays.stream(serverJvm.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        ServerProcess process = ServerProcess.start(jar, config, dir, jvm, Duration.ofSeconds(60));
        return ParleyTarget.started(process, app);
    }
}
