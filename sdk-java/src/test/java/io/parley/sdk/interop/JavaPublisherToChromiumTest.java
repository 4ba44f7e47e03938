package io.parley.sdk.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.sdk.EventHandler;
import io.parley.sdk.ExpressEngine;
import io.parley.sdk.RoomConfig;
import io.parley.sdk.User;
import io.parley.sdk.media.Fixtures;
import io.parley.sdk.media.IvfFileSource;
import io.parley.sdk.media.MediaSource;
import io.parley.sdk.media.MediaSources;
import io.parley.sdk.media.OggOpusFileSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Java SDK publishes the project's VP8 (IVF) and Opus (Ogg) fixtures; headless Chromium plays
 * the stream with the Web SDK through the server's SFU (e2e/js/sdk-java-play.mjs) and must decode
 * video frames and audio samples, per its getStats().
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class JavaPublisherToChromiumTest {

    @Test
    void chromium_decodes_the_video_and_receives_the_audio_a_java_engine_publishes() throws Exception {
        MediaSource files = MediaSources.combine(new OggOpusFileSource(Fixtures.opusOgg(), true),
                new IvfFileSource(Fixtures.vp8Ivf(), true));
        JsonNode result = playInChromium("java-to-chromium", "java-files", files, false, "[\"audio\",\"video\"]");
        assertThat(result.path("framesDecoded").asLong()).as("video frames Chromium decoded: %s", result).isPositive();
        assertThat(result.path("audioPacketsReceived").asLong()).as("audio packets Chromium received: %s", result).isPositive();
        assertThat(result.path("totalSamplesReceived").asLong()).as("audio samples Chromium decoded: %s", result).isPositive();
        assertThat(result.path("codecs").toString()).as("negotiated codecs").containsIgnoringCase("video/VP8")
                .containsIgnoringCase("audio/opus");
    }

    /**
     * What the echo bot and voice agents publish: Opus alone, no video m-section; Chromium asks for
     * it first and waits (PLAY_REQUESTING), as a user does for a bot's answer.
     */
    @Test
    void chromium_receives_and_decodes_audio_a_java_engine_publishes_alone_after_it_asked() throws Exception {
        JsonNode result = playInChromium("java-audio-to-chromium", "java-voice",
                new OggOpusFileSource(Fixtures.opusOgg(), true), true, "[\"audio\"]");
        assertThat(result.path("audioPacketsReceived").asLong()).as("audio packets Chromium received: %s", result).isPositive();
        assertThat(result.path("totalSamplesReceived").asLong()).as("audio samples Chromium decoded: %s", result).isPositive();
        assertThat(result.path("codecs").toString()).as("negotiated codecs").isEqualTo("[\"audio/opus\"]");
    }

    /**
     * A Java engine publishes {@code source} as {@code streamID} in {@code room} (before Chromium
     * plays it, or once Chromium waits for it); returns Chromium's RESULT figures, after checking the
     * played MediaStream's tracks.
     */
    private static JsonNode playInChromium(String room, String streamID, MediaSource source, boolean chromiumAsksFirst,
                                           String tracks) throws Exception {
        try (InteropServer server = new InteropServer()) {
            ExpressEngine engine = ExpressEngine.createEngine(server.profile(), new EventHandler() { });
            try {
                engine.loginRoom(room, new User("java-publisher"), new RoomConfig()).get(15, TimeUnit.SECONDS);
                if (!chromiumAsksFirst) {
                    engine.startPublishingStream(streamID, source).get(20, TimeUnit.SECONDS);
                }
                JsonNode result;
                try (BrowserScript chromium = BrowserScript.start("sdk-java-play.mjs", server, room, "chromium-player",
                        streamID, "--seconds", "30")) {
                    chromium.await("READY", Duration.ofSeconds(60));
                    // The server's answer to Chromium's play: it waits for a stream not yet published. Only
                    // then does the Java engine publish, so the order is the one named, on any machine.
                    JsonNode requested = chromium.await("REQUESTED", Duration.ofSeconds(30));
                    assertThat(requested.path("state").asText()).as("the server's answer to the play")
                            .isEqualTo(chromiumAsksFirst ? "PLAY_REQUESTING" : "PLAYING");
                    if (chromiumAsksFirst) {
                        engine.startPublishingStream(streamID, source).get(20, TimeUnit.SECONDS);
                    }
                    JsonNode playing = chromium.await("PLAYING", Duration.ofSeconds(30));
                    assertThat(playing.path("tracks").toString()).as("the played MediaStream's tracks").isEqualTo(tracks);
                    result = chromium.await("RESULT", Duration.ofSeconds(45));
                }
                System.out.println("[interop] Java publisher (" + streamID + ") -> Chromium: " + result + "; SFU: "
                        + server.mediaFigures());
                return result;
            } finally {
                engine.destroyEngine().get(15, TimeUnit.SECONDS);
            }
        }
    }
}
