package io.parley.server.cli;

import io.netty.util.ResourceLeakDetector;
import io.parley.server.ParleyServer;
import io.parley.server.app.App;
import io.parley.server.config.ConfigException;
import io.parley.server.config.ConfigLoader;
import io.parley.server.config.HttpConfig;
import io.parley.server.config.MediaConfig;
import io.parley.server.config.ParleyConfig;
import io.parley.server.room.RoomServiceConfig;
import io.parley.server.room.SystemScheduler;
import io.parley.server.signal.SignalOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley serve}: runs the server from a YAML config, or with a fresh development app when none is given. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Parley server (signaling at /ws, REST API at /api/, metrics at /metrics).")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file; without it a development app is created and printed.")
    Path config;

    @Option(names = "--reconnect-window", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long a lost session waits for its client to resume it (default: ${DEFAULT-VALUE}).")
    int reconnectWindowSeconds;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Listen for HTTP on this port instead of the config's (0: any free port; the ready line names it).")
    Integer httpPort;

    @Option(names = "--media-port", paramLabel = "PORT",
            description = "Listen for media on this UDP port instead of the config's (0: any free port).")
    Integer mediaPort;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        // Netty's default leak detector records a stack trace for one buffer in 128, which the
        // media path allocates per datagram sent: about 1 % of a loaded server's CPU spent on
        // stack traces. The tests keep Netty's default; an operator chasing a leak sets the property.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        ParleyConfig cfg;
        if (config == null) {
            cfg = ConfigLoader.development(new SecureRandom());
        } else {
            try {
                cfg = ConfigLoader.load(config);
            } catch (ConfigException e) {
                spec.commandLine().getErr().println("parley serve: " + e.getMessage());
                return 2;
            }
        }
        try {
            cfg = withPorts(cfg);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("parley serve: " + e.getMessage());
            return 2;
        }
        if (reconnectWindowSeconds < 1) {
            spec.commandLine().getErr().println("parley serve: --reconnect-window must be at least 1 second");
            return 2;
        }
        SystemScheduler scheduler = new SystemScheduler();
        ParleyServer server = ParleyServer.start(cfg,
                RoomServiceConfig.DEFAULT.withReconnectWindowMillis(reconnectWindowSeconds * 1000L), SignalOptions.DEFAULT, scheduler);
        String base = "http://" + cfg.http().host() + ":" + server.port() + "/";
        if (config == null) {
            // Shown once: a development app's secrets exist only in this process.
            App app = cfg.apps().get(0);
            out.println("Development app (no --config given):");
            out.println("  AppID:        " + app.appId());
            out.println("  AppSign:      " + app.appSign());
            out.println("  ServerSecret: " + app.serverSecret());
            out.println("  Debug page:   " + base);
            out.flush();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            scheduler.close();
            stopped.countDown();
        }, "parley-shutdown"));
        LOG.info("Parley ready at {} (signaling ws://{}:{}/ws, media udp {}:{}, {} app(s))", base, cfg.http().host(), server.port(),
                cfg.media().host(), server.media().port(), cfg.apps().size());
        stopped.await();
        return 0;
    }

    /** The config with --http-port and --media-port applied: a development app can then run beside other servers. */
    private ParleyConfig withPorts(ParleyConfig cfg) {
        HttpConfig http = httpPort == null ? cfg.http() : new HttpConfig(cfg.http().host(), httpPort);
        MediaConfig media = mediaPort == null ? cfg.media() : new MediaConfig(cfg.media().host(), mediaPort);
        return new ParleyConfig(http, media, cfg.apps(), cfg.development());
    }
}
