package io.parley.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.sdk.media.MediaKind;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Java to Java media through the real server: ICE, DTLS-SRTP, the SFU, and back out to a sink. */
@Timeout(60)
class MediaSdkTest {
    private SdkServer server;

    @BeforeEach
    void start() throws InterruptedException {
        server = new SdkServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void publishedPacketsArriveAtThePlayer() {
        Events pubEvents = new Events();
        Events playEvents = new Events();
        ExpressEngine publisher = server.joined("room1", "alice", pubEvents);
        ExpressEngine player = server.joined("room1", "bob", playEvents);
        TestSource source = new TestSource();
        publisher.startPublishingStream("s1", source).orTimeout(15, TimeUnit.SECONDS).join();
        assertThat(pubEvents.next("PublisherStateUpdate").arg(1)).isEqualTo(PublisherState.PUBLISH_REQUESTING);
        assertThat(pubEvents.next("PublisherStateUpdate").arg(1)).isEqualTo(PublisherState.PUBLISHING);

        TestSink sink = new TestSink();
        player.startPlayingStream("s1", sink).orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(playEvents.next("PlayerStateUpdate").arg(1)).isEqualTo(PlayerState.PLAY_REQUESTING);
        assertThat(playEvents.next("PlayerStateUpdate").arg(1)).isEqualTo(PlayerState.PLAYING);
        playEvents.next("PlayerRecvAudioFirstFrame");
        playEvents.next("PlayerRecvVideoFirstFrame");
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.audioPackets.get() >= 50 && sink.videoPackets.get() >= 50);
        // The SFU asked the publisher for a key frame when the play joined (RTCP PLI or FIR back to our source).
        await().atMost(Duration.ofSeconds(5)).until(() -> source.keyframeRequests.get() > 0);
        Events.Call quality = playEvents.next("PlayerQualityUpdate");
        assertThat(((PlayStreamQuality) quality.arg(1)).audioKBPS()).isPositive();
        Events.Call sent = pubEvents.next("PublisherQualityUpdate");
        assertThat(((PublishStreamQuality) sent.arg(1)).videoSendFPS()).isGreaterThan(10);
        assertThat(pubEvents.overlapped()).isFalse();
    }
}
