package io.parley.bench;

import io.parley.protocol.MessageCodec;
import io.parley.protocol.Request;
import io.parley.protocol.User;
import io.parley.server.ParleyServer;
import io.parley.server.app.App;
import io.parley.server.auth.Token04;
import io.parley.server.auth.TokenPayload;
import io.parley.server.config.ConfigLoader;
import io.parley.server.config.HttpConfig;
import io.parley.server.config.ParleyConfig;
import io.parley.server.room.RoomServiceConfig;
import io.parley.server.room.SystemScheduler;
import io.parley.server.signal.SignalOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The login storm: many clients log in to an in-process server at once over real WebSockets, each
 * with its own Token04. Reports logins per second and the p50/p99 time from sending login to its
 * response (the WebSocket handshake is timed apart). A plain program, not JMH: one storm is one
 * measurement, and its clients and server share the machine.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.parley.bench.LoginStorm [clients] [rooms] [inFlight]}
 */
public final class LoginStorm {
    private LoginStorm() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rooms = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        ParleyConfig dev = ConfigLoader.development(new SecureRandom());
        ParleyConfig config = new ParleyConfig(new HttpConfig("127.0.0.1", 0), dev.media(), dev.apps(), true);
        App app = config.apps().get(0);
        try (SystemScheduler clock = new SystemScheduler();
             ParleyServer server = ParleyServer.start(config, RoomServiceConfig.DEFAULT, SignalOptions.DEFAULT, clock)) {
            // A warm-up storm, so the JIT has compiled the login path before the measured one.
            storm(server.port(), app, clients / 4, rooms, inFlight, "warm");
            Result r = storm(server.port(), app, clients, rooms, inFlight, "u");
            System.out.printf("clients=%d rooms=%d inFlight=%d%n", clients, rooms, inFlight);
            System.out.printf("logins/s=%.0f  login p50=%.2f ms  p99=%.2f ms  max=%.2f ms  (handshake p50=%.2f ms p99=%.2f ms)%n",
                    clients / r.seconds, r.login[clients / 2] / 1e6, r.login[(int) (clients * 0.99)] / 1e6,
                    r.login[clients - 1] / 1e6, r.connect[clients / 2] / 1e6, r.connect[(int) (clients * 0.99)] / 1e6);
        }
    }

    private record Result(double seconds, long[] connect, long[] login) {
    }

    private static Result storm(int port, App app, int clients, int rooms, int inFlight, String prefix) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        MessageCodec codec = new MessageCodec();
        long now = System.currentTimeMillis() / 1000;
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String userId = prefix + i;
            String token = Token04.mint(app, userId, TokenPayload.UNRESTRICTED, 3600, Token04.Mode.GCM, now);
            frames.add(codec.encode(new Request.Login(1, app.appId(), "room" + (i % rooms), new User(userId, userId),
                    new Request.LoginConfig(true, 0), token, null, null)));
        }
        long[] connect = new long[clients];
        long[] login = new long[clients];
        List<WebSocket> open = new ArrayList<>();
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            slots.acquire();
            int n = i;
            CompletableFuture<Void> loggedIn = new CompletableFuture<>();
            long[] sentAt = new long[1];
            long t0 = System.nanoTime();
            http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                private boolean answered;

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    if (!answered && last && data.toString().contains("\"type\":\"response\"")) {
                        answered = true;
                        login[n] = System.nanoTime() - sentAt[0];
                        slots.release();
                        loggedIn.complete(null);
                    }
                    ws.request(1);
                    return null;
                }
            }).thenAccept(ws -> {
                connect[n] = System.nanoTime() - t0;
                synchronized (open) {
                    open.add(ws);
                }
                sentAt[0] = System.nanoTime();
                ws.sendText(frames.get(n), true);
            }).exceptionally(e -> {
                loggedIn.completeExceptionally(e);
                slots.release();
                return null;
            });
            done.add(loggedIn);
        }
        CompletableFuture.allOf(done.toArray(new CompletableFuture[0])).get(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        for (WebSocket ws : open) {
            ws.abort();
        }
        Arrays.sort(connect);
        Arrays.sort(login);
        return new Result(seconds, connect, login);
    }
}
