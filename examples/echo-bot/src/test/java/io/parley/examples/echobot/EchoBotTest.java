package io.parley.examples.echobot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.parley.sdk.EngineProfile;
import io.parley.sdk.EventHandler;
import io.parley.sdk.ExpressEngine;
import io.parley.sdk.RoomConfig;
import io.parley.sdk.User;
import io.parley.sdk.media.PcmSink;
import io.parley.sdk.media.PcmSource;
import io.parley.server.ParleyServer;
import io.parley.server.app.App;
import io.parley.server.app.AppLimits;
import io.parley.server.config.HttpConfig;
import io.parley.server.config.MediaConfig;
import io.parley.server.config.ParleyConfig;
import io.parley.server.room.RoomServiceConfig;
import io.parley.server.room.SystemScheduler;
import io.parley.server.signal.SignalOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The echo bot against the real server in this JVM: a caller publishes a 440 Hz tone as PCM, the bot
 * plays it and publishes it back, and a listener playing the bot's answer stream hears 440 Hz
 * (counted by zero crossings). The caller stopping ends the bot's answer too.
 */
class EchoBotTest {
    private static final App APP = new App(4004, "4e".repeat(32), "echo-bot-secret-0123456789abcdef", true, AppLimits.DEFAULT);
    private static final int RATE = 48_000;
    private static final int FRAME = RATE / 50;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void a_listener_hears_the_callers_tone_echoed_by_the_bot() throws Exception {
        SystemScheduler clock = new SystemScheduler();
        ParleyConfig config = new ParleyConfig(new HttpConfig("127.0.0.1", 0), new MediaConfig("127.0.0.1", 0), List.of(APP), false);
        ScheduledExecutorService mouth = Executors.newSingleThreadScheduledExecutor();
        try (ParleyServer server = ParleyServer.start(config, RoomServiceConfig.DEFAULT, SignalOptions.DEFAULT, clock)) {
            EngineProfile profile = new EngineProfile(APP.appId(), APP.appSign(), URI.create("http://127.0.0.1:" + server.port()));
            AtomicLong botHeard = new AtomicLong();
            EchoBot.VoiceAgent countingEcho = (streamID, pcm, samples, voice) -> {
                botHeard.addAndGet(samples);
                EchoBot.VoiceAgent.ECHO.hear(streamID, pcm, samples, voice);
            };
            EchoBot bot = new EchoBot(profile, "echo-room", new User("echo-bot"), countingEcho);
            ExpressEngine caller = ExpressEngine.createEngine(profile, new EventHandler() { });
            ExpressEngine listener = ExpressEngine.createEngine(profile, new EventHandler() { });
            try {
                bot.start(new RoomConfig()).get(15, TimeUnit.SECONDS);
                caller.loginRoom("echo-room", new User("caller"), new RoomConfig()).get(15, TimeUnit.SECONDS);
                listener.loginRoom("echo-room", new User("listener"), new RoomConfig()).get(15, TimeUnit.SECONDS);

                PcmSource voice = new PcmSource(1);
                caller.startPublishingStream("caller-voice", voice).get(20, TimeUnit.SECONDS);
                long[] sample = {0};
                Runnable say20ms = () -> {
                    short[] pcm = new short[FRAME];
                    for (int i = 0; i < FRAME; i++, sample[0]++) {
                        pcm[i] = (short) (9000 * Math.sin(2 * Math.PI * 440 * sample[0] / RATE));
                    }
                    voice.push(pcm, 0, FRAME);
                };
                for (int i = 0; i < 25; i++) {
                    // 500 ms ahead, so the source's 20 ms pacer never finds its queue empty, even when it
                    // catches up at once after a stall of a loaded machine
                    say20ms.run();
                }
                mouth.scheduleAtFixedRate(say20ms, 0, 20, TimeUnit.MILLISECONDS);

                await("the bot answers the caller").atMost(Duration.ofSeconds(20))
                        .until(() -> bot.answering().contains("caller-voice"));
                ZeroCrossings heard = new ZeroCrossings(RATE);
                listener.startPlayingStream(EchoBot.echoStreamID("caller-voice"), new PcmSink(heard)).get(20, TimeUnit.SECONDS);
                await("3 s of the echo").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                        .until(() -> heard.seconds() >= 3);
                double hz = heard.frequencyOfLast(1.0);
                System.out.printf("[echo-bot] caller 440 Hz, the bot's echo %.1f Hz; the bot heard %.2f s, the listener %.2f s%n",
                        hz, botHeard.get() / (double) RATE, heard.seconds());
                assertThat(botHeard.get()).as("what the bot heard covers what it said").isGreaterThanOrEqualTo((long) (3 * RATE));
                assertThat(hz).as("the echo's frequency").isCloseTo(440, within(5.0));

                caller.stopPublishingStream("caller-voice").get(15, TimeUnit.SECONDS);
                await("the bot stops answering").atMost(Duration.ofSeconds(20)).until(() -> bot.answering().isEmpty());
            } finally {
                mouth.shutdownNow();
                listener.destroyEngine().get(15, TimeUnit.SECONDS);
                caller.destroyEngine().get(15, TimeUnit.SECONDS);
                bot.close();
            }
        } finally {
            clock.close();
        }
    }

    @Test
    void bad_arguments_print_the_usage_and_exit_2() throws InterruptedException {
        for (String[] args : List.of(new String[] {"--room", "r"}, new String[] {"--app-id", "1", "--room", "r"},
                new String[] {"--app-id", "x", "--room", "r", "--token", "t"},
                new String[] {"--app-id", "1", "--room", "r", "--token", "t", "--app-sign", "aa"},
                new String[] {"--app-id", "1", "--room", "r", "--token", "t", "--server", "ws://h:1"},
                new String[] {"--app-id", "1", "--room", "r", "--volume", "11"}, new String[] {"--app-id"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(Main.run(args, new PrintStream(err, true, StandardCharsets.UTF_8))).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("echo-bot: ").contains("usage: ./parley echo-bot");
        }
    }

    @Test
    void a_token_or_an_app_sign_makes_the_login() {
        var token = Main.EchoBotConfig.of(Main.parse(new String[] {"--app-id", "7", "--room", "r", "--token", "04abc"}));
        assertThat(token.roomConfig().token()).isEqualTo("04abc");
        assertThat(token.profile().appSign()).isNull();
        assertThat(token.user().userID()).isEqualTo("echo-bot");
        assertThat(token.profile().server()).hasToString("http://127.0.0.1:8080");
        var sign = Main.EchoBotConfig.of(Main.parse(new String[] {"--app-id", "7", "--room", "r", "--app-sign", "ab".repeat(32),
                "--user", "bot-2", "--server", "http://10.0.0.5:9000"}));
        assertThat(sign.roomConfig().token()).isNull();
        assertThat(sign.profile().appSign()).isEqualTo("ab".repeat(32));
        assertThat(sign.user().userID()).isEqualTo("bot-2");
        assertThat(sign.profile().server()).hasToString("http://10.0.0.5:9000");
    }
}
