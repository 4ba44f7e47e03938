package io.parley.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.sdk.media.MediaKind;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Java to Java media through the real server: ICE, DTLS-SRTP, the SFU, and back out to a sink. */
class MediaSdkTest extends WithServer {
    /** How long media may take to start or stop on a loaded CI machine: a safety net, never a figure. */
    private static final Duration LOADED = Duration.ofSeconds(30);

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
        // Audio and video come on their own, in either order.
        await().atMost(LOADED).until(() -> playEvents.named("PlayerRecvAudioFirstFrame").size() == 1
                && playEvents.named("PlayerRecvVideoFirstFrame").size() == 1);
        await().atMost(LOADED).until(() -> sink.audioPackets.get() >= 50 && sink.videoPackets.get() >= 50);
        // The SFU asked the publisher for a key frame when the play joined (RTCP PLI or FIR back to our source).
        await().atMost(LOADED).until(() -> source.keyframeRequests.get() > 0);
        Events.Call quality = playEvents.next("PlayerQualityUpdate");
        assertThat(((PlayStreamQuality) quality.arg(1)).audioKBPS()).isPositive();
        Events.Call sent = pubEvents.next("PublisherQualityUpdate");
        assertThat(((PublishStreamQuality) sent.arg(1)).videoSendFPS()).isPositive();
        assertThat(pubEvents.overlapped()).isFalse();
    }

    @Test
    void aPlayStopsAndStartsAgainAndAStreamRepublishesOnTheSameTransport() {
        Events pubEvents = new Events();
        ExpressEngine publisher = server.joined("room1", "alice", pubEvents);
        Events playEvents = new Events();
        ExpressEngine player = server.joined("room1", "bob", playEvents);
        publisher.startPublishingStream("s1", new TestSource()).orTimeout(15, TimeUnit.SECONDS).join();
        TestSink first = new TestSink();
        player.startPlayingStream("s1", first).orTimeout(10, TimeUnit.SECONDS).join();
        await().atMost(LOADED).until(() -> first.videoPackets.get() > 20);
        player.stopPlayingStream("s1").orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(first.isClosed()).isTrue();
        assertThat(playEvents.next("PlayerStateUpdate", c -> c.arg(1) == PlayerState.NO_PLAY).arg(2)).isEqualTo(0);

        TestSink second = new TestSink();
        player.startPlayingStream("s1", second).orTimeout(10, TimeUnit.SECONDS).join();
        await().atMost(LOADED).until(() -> second.audioPackets.get() > 20 && second.videoPackets.get() > 20);
        assertThat(first.afterClose.get()).isZero();

        // Stop and publish again: the stream's sections are reused on the same publisher transport.
        publisher.stopPublishingStream("s1").orTimeout(10, TimeUnit.SECONDS).join();
        await().atMost(LOADED).until(second::isClosed);
        publisher.startPublishingStream("s1", new TestSource(MediaKind.AUDIO)).orTimeout(15, TimeUnit.SECONDS).join();
        TestSink third = new TestSink();
        player.startPlayingStream("s1", third).orTimeout(10, TimeUnit.SECONDS).join();
        await().atMost(LOADED).until(() -> third.audioPackets.get() > 20);
        assertThat(third.videoPackets.get()).isZero();
        assertThat(third.lastPayloadType.get()).isEqualTo(111);
    }

    @Test
    void twoEnginesInOneJvmEachPlayTheOther() {
        Events aEvents = new Events();
        Events bEvents = new Events();
        ExpressEngine a = server.joined("room1", "a", aEvents);
        ExpressEngine b = server.joined("room1", "b", bEvents);
        a.startPublishingStream("from-a", new TestSource()).orTimeout(15, TimeUnit.SECONDS).join();
        b.startPublishingStream("from-b", new TestSource()).orTimeout(15, TimeUnit.SECONDS).join();
        TestSink atA = new TestSink();
        TestSink atB = new TestSink();
        a.startPlayingStream("from-b", atA).orTimeout(10, TimeUnit.SECONDS).join();
        b.startPlayingStream("from-a", atB).orTimeout(10, TimeUnit.SECONDS).join();
        await().atMost(LOADED).until(() -> atA.audioPackets.get() > 50 && atA.videoPackets.get() > 20
                && atB.audioPackets.get() > 50 && atB.videoPackets.get() > 20);
        assertThat(atA.lastPayloadType.get()).isIn(96L, 111L);
        // Muting a kind stops it at the source side while the stream stays published.
        a.mutePublishStreamVideo(true);
        await().pollDelay(Duration.ofMillis(300)).atMost(LOADED).until(() -> {
            int before = atB.videoPackets.get();
            Thread.sleep(400);
            return atB.videoPackets.get() == before;
        });
        int audioBefore = atB.audioPackets.get();
        await().atMost(LOADED).until(() -> atB.audioPackets.get() > audioBefore + 10);
        // Muting a played stream's audio keeps it from the sink while the play goes on.
        a.mutePlayStreamAudio("from-b", true);
        await().pollDelay(Duration.ofMillis(300)).atMost(LOADED).until(() -> {
            int before = atA.audioPackets.get();
            Thread.sleep(400);
            return atA.audioPackets.get() == before;
        });
        int videoAtA = atA.videoPackets.get();
        await().atMost(LOADED).until(() -> atA.videoPackets.get() > videoAtA + 5);
        a.mutePlayStreamAudio("from-b", false);
        int mutedAt = atA.audioPackets.get();
        await().atMost(LOADED).until(() -> atA.audioPackets.get() > mutedAt + 10);
    }
}
