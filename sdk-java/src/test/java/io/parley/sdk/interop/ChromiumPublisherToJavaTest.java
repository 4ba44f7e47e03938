package io.parley.sdk.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.sdk.EventHandler;
import io.parley.sdk.ExpressEngine;
import io.parley.sdk.RoomConfig;
import io.parley.sdk.User;
import io.parley.sdk.media.IvfFileSink;
import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.MediaSinks;
import io.parley.sdk.media.OggOpusFileSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Headless Chromium publishes its fake camera (VP8, 320x240 at 30 fps) and microphone (Opus) with the
 * Web SDK (e2e/js/sdk-java-publish.mjs); the Java SDK plays the stream through the server into an
 * {@link IvfFileSink} and an {@link OggOpusFileSink} for about 5 s. Debian's ffprobe then counts the
 * frames and packets of the files against what the recording's length says they should hold, and
 * ffmpeg decodes every one of them without an error.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class ChromiumPublisherToJavaTest {
    private static final int CAMERA_FPS = 30;
    private static final int OPUS_PACKETS_PER_SECOND = 50; // Chromium sends 20 ms Opus frames
    private static final double RECORD_SECONDS = 5;
    private static final int PUBLISH_SECONDS = 20;

    @Test
    void a_java_player_records_what_chromium_publishes_into_ivf_and_ogg_files_that_ffmpeg_decodes() throws Exception {
        String room = "chromium-to-java";
        String streamID = "chromium-camera";
        Path dir = Files.createDirectories(Path.of("target", "interop"));
        Path ivf = dir.resolve("chromium-camera.ivf");
        Path ogg = dir.resolve("chromium-microphone.ogg");
        Files.deleteIfExists(ivf);
        Files.deleteIfExists(ogg);
        try (InteropServer server = new InteropServer()) {
            ExpressEngine engine = ExpressEngine.createEngine(server.profile(), new EventHandler() { });
            JsonNode sent;
            ArrivalWindow window = new ArrivalWindow(MediaSinks.split(new OggOpusFileSink(ogg), new IvfFileSink(ivf)));
            try (BrowserScript chromium = BrowserScript.start("sdk-java-publish.mjs", server, room, "chromium-publisher",
                    streamID, "--seconds", Integer.toString(PUBLISH_SECONDS), "--width", "320", "--height", "240", "--fps", Integer.toString(CAMERA_FPS))) {
                engine.loginRoom(room, new User("java-recorder"), new RoomConfig()).get(15, TimeUnit.SECONDS);
                chromium.await("READY", Duration.ofSeconds(60));
                chromium.await("PUBLISHING", Duration.ofSeconds(40));

                engine.startPlayingStream(streamID, window).get(20, TimeUnit.SECONDS);
                // A loaded browser's fake microphone can stall for seconds and then catch up, so the
                // recording runs until both tracks cover RECORD_SECONDS or Chromium stops publishing;
                // the assertions below then judge whatever arrived.
                try {
                    await("~5 s of video and audio recorded").atMost(Duration.ofSeconds(PUBLISH_SECONDS - 3))
                            .pollInterval(Duration.ofMillis(100))
                            .until(() -> window.seconds(MediaKind.VIDEO) >= RECORD_SECONDS
                                    && window.mediaSeconds(MediaKind.AUDIO) >= RECORD_SECONDS);
                } catch (org.awaitility.core.ConditionTimeoutException stillShort) {
                    System.out.printf("[interop] Chromium -> Java: recording still short after %d s%n", PUBLISH_SECONDS - 3);
                }
                engine.stopPlayingStream(streamID).get(15, TimeUnit.SECONDS);
                sent = chromium.await("RESULT", Duration.ofSeconds(40));
            } finally {
                engine.destroyEngine().get(15, TimeUnit.SECONDS);
            }

            double videoSeconds = window.seconds(MediaKind.VIDEO);
            double audioSeconds = window.mediaSeconds(MediaKind.AUDIO);
            double sentFps = sent.path("framesSent").asDouble() * 1000 / Math.max(1, sent.path("publishedMillis").asDouble());
            Ffmpeg.Probe video = Ffmpeg.probe(ivf);
            Ffmpeg.Probe audio = Ffmpeg.probe(ogg);
            System.out.printf("[interop] Chromium -> Java: %s %d frames in %.2f s of video (Chromium sent %.1f fps), "
                            + "%s %d packets for %.2f s of audio by RTP time (%.2f s by the wall clock, Chromium sent %d); "
                            + "RTP %d video, %d audio; SFU: %s%n",
                    video.codec(), video.packets(), videoSeconds, sentFps, audio.codec(), audio.packets(), audioSeconds,
                    window.seconds(MediaKind.AUDIO), sent.path("audioPacketsSent").asLong(), window.packets(MediaKind.VIDEO),
                    window.packets(MediaKind.AUDIO), server.mediaFigures());

            assertThat(sentFps).as("Chromium's camera frame rate, what the recording is judged by").isGreaterThan(5);
            double fps = Math.min(CAMERA_FPS, sentFps);
            assertThat(video.codec()).isEqualTo("vp8");
            assertThat(video.packets()).as("frames in the IVF file for %.2f s at %.1f fps", videoSeconds, fps)
                    .isBetween((long) (0.6 * fps * videoSeconds), (long) (1.2 * CAMERA_FPS * window.mediaSeconds(MediaKind.VIDEO)) + 5);
            // Audio is judged by its RTP clock: a loaded browser's fake microphone catches up in bursts,
            // so its packets may come faster than the wall clock for a while, never faster than their timestamps.
            assertThat(audioSeconds).as("the audio covers the recording").isGreaterThan(0.6 * RECORD_SECONDS);
            assertThat(audio.codec()).isEqualTo("opus");
            assertThat(audio.packets()).as("Opus packets in the Ogg file for %.2f s of RTP time", audioSeconds)
                    .isBetween((long) (0.8 * OPUS_PACKETS_PER_SECOND * audioSeconds),
                            (long) (1.05 * OPUS_PACKETS_PER_SECOND * audioSeconds) + 2);
            assertThat(Ffmpeg.decodeErrors(ivf)).as("ffmpeg decoding %s", ivf).isEmpty();
            assertThat(Ffmpeg.decodeErrors(ogg)).as("ffmpeg decoding %s", ogg).isEmpty();
        }
    }
}
