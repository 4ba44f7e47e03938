package io.parley.sdk.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.parley.sdk.EventHandler;
import io.parley.sdk.ExpressEngine;
import io.parley.sdk.RoomConfig;
import io.parley.sdk.User;
import io.parley.sdk.media.PcmSink;
import io.parley.sdk.media.PcmSource;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Java to Java through the server with PCM: one engine publishes a tone through a {@link PcmSource}
 * (Opus by concentus, RFC 7587), the server's SFU forwards it, another engine plays it into a
 * {@link PcmSink}; what comes out is the same tone, its frequency measured by Goertzel.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PcmToneThroughServerTest {
    private static final int FRAME = Tone.SAMPLE_RATE / 50; // 20 ms

    private static InteropServer server;

    @BeforeAll
    static void startServer() throws InterruptedException {
        server = new InteropServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {440, 1000})
    void the_tone_pushed_into_one_engine_comes_out_of_the_other_at_its_frequency(int hz) throws Exception {
        String room = "tone-" + hz;
        String streamID = "tone-" + hz;
        ExpressEngine speaker = ExpressEngine.createEngine(server.profile(), new EventHandler() { });
        ExpressEngine listener = ExpressEngine.createEngine(server.profile(), new EventHandler() { });
        ScheduledExecutorService app = Executors.newSingleThreadScheduledExecutor();
        PcmRecorder heard = new PcmRecorder();
        try {
            speaker.loginRoom(room, new User("speaker-" + hz), new RoomConfig()).get(15, TimeUnit.SECONDS);
            listener.loginRoom(room, new User("listener-" + hz), new RoomConfig()).get(15, TimeUnit.SECONDS);

            PcmSource voice = new PcmSource(1);
            speaker.startPublishingStream(streamID, voice).get(20, TimeUnit.SECONDS);
            // The application speaks in real time, 20 ms at a time, as a microphone or a TTS engine would,
            // keeping 500 ms ahead: the source sends nothing when its queue is empty, and after a stall of
            // the JVM (a loaded CI machine) its fixed-rate pacer catches up at once, faster than this
            // thread encodes; a shorter lead runs dry then, a pause heard as a click.
            Tone tone = new Tone(hz, 10_000);
            voice.push(tone.next(25 * FRAME), 0, 25 * FRAME);
            app.scheduleAtFixedRate(() -> voice.push(tone.next(FRAME), 0, FRAME), 0, 20, TimeUnit.MILLISECONDS);

            listener.startPlayingStream(streamID, new PcmSink(heard)).get(20, TimeUnit.SECONDS);
            await("3 s of decoded audio").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> heard.seconds() >= 3);

            // The last second: past the decoder's start and any jitter of the first packets.
            Tone.Measure measure = Tone.strongest(heard.last(1.0), 100, 4000);
            System.out.printf("[interop] %d Hz in, %.2f Hz out (purity %.2f, %d channel(s)); SFU: %s%n",
                    hz, measure.frequency(), measure.purity(), heard.channels(), server.mediaFigures());
            assertThat(measure.frequency()).as("the frequency heard").isCloseTo(hz, within(3.0));
            assertThat(measure.purity()).as("the share of the power at that frequency").isGreaterThan(0.8);
        } finally {
            app.shutdownNow();
            listener.destroyEngine().get(15, TimeUnit.SECONDS);
            speaker.destroyEngine().get(15, TimeUnit.SECONDS);
        }
    }
}
