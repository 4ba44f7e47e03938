package io.parley.examples.echobot;

import io.parley.sdk.EngineProfile;
import io.parley.sdk.RoomConfig;
import io.parley.sdk.User;
import java.io.PrintStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./parley echo-bot --server http://127.0.0.1:8080 --app-id ID (--app-sign HEX | --token T)
 * --room ROOM [--user ID]}: runs an {@link EchoBot} until it is stopped (Ctrl-C).
 */
public final class Main {
    private static final List<String> OPTIONS = List.of("--server", "--app-id", "--app-sign", "--token", "--room", "--user");
    private static final String USAGE = """
            usage: ./parley echo-bot --server http://HOST:PORT --app-id ID (--app-sign HEX | --token TOKEN) --room ROOM [--user ID]
              joins ROOM, plays every stream published there and publishes back what it hears as STREAMID-echo
              --server    the Parley server (default http://127.0.0.1:8080)
              --app-sign  the app's AppSign (64 hex digits), for an app that allows AppSign login
              --token     a Token04 for --user (./parley token ... --user-id echo-bot --room ROOM)
              --user      the bot's userID (default echo-bot)""";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.err));
    }

    /** Parses {@code args}, runs the bot until the JVM is asked to stop; the exit code (0 also for --help, 2: bad arguments, 1: login failed). */
    static int run(String[] args, PrintStream err) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            err.println(USAGE);
            return 0;
        }
        Map<String, String> options;
        EchoBotConfig config;
        try {
            options = parse(args);
            config = EchoBotConfig.of(options);
        } catch (IllegalArgumentException e) {
            err.println("echo-bot: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        EchoBot bot = new EchoBot(config.profile(), config.roomID(), config.user(), EchoBot.VoiceAgent.ECHO);
        try {
            bot.start(config.roomConfig()).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            err.println("echo-bot: could not join room " + config.roomID() + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage());
            bot.close();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            stopped.countDown();
        }, "echo-bot-stop"));
        stopped.await();
        return 0;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    /** What the bot was asked to do, checked. */
    record EchoBotConfig(EngineProfile profile, String roomID, User user, RoomConfig roomConfig) {
        static EchoBotConfig of(Map<String, String> o) {
            URI server = URI.create(o.getOrDefault("--server", "http://127.0.0.1:8080"));
            if (!"http".equals(server.getScheme()) && !"https".equals(server.getScheme())) {
                throw new IllegalArgumentException("--server must be http://HOST:PORT, not " + server);
            }
            String appID = require(o, "--app-id");
            String room = require(o, "--room");
            String appSign = o.get("--app-sign");
            String token = o.get("--token");
            if ((appSign == null) == (token == null)) {
                throw new IllegalArgumentException("give one of --app-sign and --token");
            }
            long id;
            try {
                id = Long.parseLong(appID);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--app-id must be a number, not " + appID);
            }
            User user = new User(o.getOrDefault("--user", "echo-bot"));
            EngineProfile profile = new EngineProfile(id, appSign, server);
            RoomConfig config = token == null ? new RoomConfig() : new RoomConfig(0, false, token);
            return new EchoBotConfig(profile, room, user, config);
        }

        private static String require(Map<String, String> o, String name) {
            String v = o.get(name);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("missing " + name);
            }
            return v;
        }
    }
}
