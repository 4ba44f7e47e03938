package io.parley.bench.load.server;

import io.parley.server.app.App;
import io.parley.server.app.AppLimits;
import io.parley.server.auth.Token04;
import io.parley.server.auth.TokenPayload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The app the load generator logs its users in to: an AppID and secrets it knows, so it can mint a
 * Token04 (API.md) for each user, and limits wide enough for a load (many users per room, no
 * request rate a storm would hit). {@link #writeConfig} writes it as the YAML of a server it starts
 * (docs/configuration.md).
 */
public record BenchApp(App app) {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** Past any load this generator makes on one host: the limits measure the server, not refuse it. */
    static final AppLimits LOAD_LIMITS = new AppLimits(100_000, 1, 1_000, 10_000);

    /** A fresh app with random secrets. */
    public static BenchApp random(SecureRandom random) {
        byte[] sign = new byte[32];
        random.nextBytes(sign);
        StringBuilder secret = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            secret.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        long appId = 1 + (random.nextInt() & 0x7FFF_FFFFL);
        return new BenchApp(new App(appId, HexFormat.of().formatHex(sign), secret.toString(), false, LOAD_LIMITS));
    }

    /** An app the operator gave (a server the generator did not start): its AppID and ServerSecret. */
    public static BenchApp of(long appId, String serverSecret) {
        // The AppSign is never used: users log in with tokens. It only has to be well formed.
        return new BenchApp(new App(appId, "00".repeat(32), serverSecret, false, AppLimits.DEFAULT));
    }

    public long appId() {
        return app.appId();
    }

    /** A Token04 (AES-GCM) for {@code userId}: any room, login and publish, valid for {@code ttlSeconds}. */
    public String token(String userId, long ttlSeconds) {
        return Token04.mint(app, userId, TokenPayload.UNRESTRICTED, ttlSeconds, Token04.Mode.GCM, System.currentTimeMillis() / 1000);
    }

    /** Writes the server's YAML: loopback listeners on free ports (the server names them when ready), this one app. */
    public Path writeConfig(Path file) throws IOException {
        AppLimits l = app.limits();
        String yaml = "http:  { host: 127.0.0.1, port: 0 }\n"
                + "media: { host: 127.0.0.1, port: 0 }\n"
                + "apps:\n"
                + "  - appID: " + app.appId() + "\n"
                + "    appSign: \"" + app.appSign() + "\"\n"
                + "    serverSecret: \"" + app.serverSecret() + "\"\n"
                + "    allowAppSignLogin: false\n"
                + "    limits: { maxUsersPerRoom: " + l.maxUsersPerRoom() + ", maxRoomsPerUser: " + l.maxRoomsPerUser()
                + ", broadcastPerSecondPerRoom: " + l.broadcastPerSecondPerRoom()
                + ", requestsPerSecondPerSession: " + l.requestsPerSecondPerSession() + " }\n";
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, yaml);
        return file;
    }
}
