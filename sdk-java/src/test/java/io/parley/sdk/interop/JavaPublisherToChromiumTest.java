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
 * video frames and receive audio, per its getStats().
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class JavaPublisherToChromiumTest {

    @Test
    void chromium_decodes_the_video_and_receives_the_audio_a_java_engine_publishes() throws Exception {
        String room = "java-to-chromium";
        String streamID = "java-files";
        try (InteropServer server = new InteropServer()) {
            ExpressEngine engine = ExpressEngine.createEngine(server.profile(), new EventHandler() { });
            try {
                engine.loginRoom(room, new User("java-publisher"), new RoomConfig()).get(15, TimeUnit.SECONDS);
                MediaSource files = MediaSources.combine(new OggOpusFileSource(Fixtures.opusOgg(), true),
                        new IvfFileSource(Fixtures.vp8Ivf(), true));
                engine.startPublishingStream(streamID, files).get(20, TimeUnit.SECONDS);

                JsonNode result;
                try (BrowserScript chromium = BrowserScript.start("sdk-java-play.mjs", server, room, "chromium-player",
                        streamID, "--seconds", "30")) {
                    chromium.await("READY", Duration.ofSeconds(60));
                    JsonNode playing = chromium.await("PLAYING", Duration.ofSeconds(30));
                    assertThat(playing.path("tracks").toString()).as("the played MediaStream's tracks")
                            .contains("audio").contains("video");
                    result = chromium.await("RESULT", Duration.ofSeconds(45));
                }
                System.out.println("[interop] Java publisher -> Chromium: " + result + "; SFU: " + server.mediaFigures());
                assertThat(result.path("framesDecoded").asLong()).as("video frames Chromium decoded: %s", result).isPositive();
                assertThat(result.path("audioPacketsReceived").asLong()).as("audio packets Chromium received: %s", result).isPositive();
                assertThat(result.path("totalSamplesReceived").asLong()).as("audio samples Chromium decoded: %s", result).isPositive();
                assertThat(result.path("codecs").toString()).as("negotiated codecs").containsIgnoringCase("video/VP8")
                        .containsIgnoringCase("audio/opus");
            } finally {
                engine.destroyEngine().get(15, TimeUnit.SECONDS);
            }
        }
    }
}
