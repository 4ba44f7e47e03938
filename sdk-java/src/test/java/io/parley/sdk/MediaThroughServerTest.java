package io.parley.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.sdk.media.CountingSink;
import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.SyntheticConfig;
import io.parley.sdk.media.SyntheticSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine with the media package's own source and sink, Java to Java through the server: a
 * synthetic load counted at the far end. (A PCM tone through the server is the interop suite's
 * PcmToneThroughServerTest.)
 */
class MediaThroughServerTest extends WithServer {
    @Test
    void aSyntheticLoadArrivesCountedWithItsDelays() {
        ExpressEngine publisher = server.joined("room1", "load", new Events());
        ExpressEngine player = server.joined("room1", "meter", new Events());
        CountingSink counter = new CountingSink();
        player.startPlayingStream("synthetic", counter).orTimeout(10, TimeUnit.SECONDS).join();
        publisher.startPublishingStream("synthetic", new SyntheticSource(SyntheticConfig.audioVideo(500_000, 100)))
                .orTimeout(15, TimeUnit.SECONDS).join();
        await().atMost(Duration.ofSeconds(30)).until(() -> counter.snapshot(MediaKind.VIDEO).packets() > 300
                && counter.snapshot(MediaKind.AUDIO).packets() > 150);
        CountingSink.Snapshot all = counter.snapshot();
        // Printed first, so that a failure on CI says what was measured.
        System.out.printf("synthetic 500 kbit/s video + audio over loopback: %d packets, loss %.4f, one-way p50 %d us, p99 %d us%n",
                all.packets(), all.lossRatio(), all.p50Micros(), all.p99Micros());
        assertThat(all.malformed()).isZero();
        assertThat(all.lossRatio()).as("loopback loses next to nothing").isLessThan(0.05);
        assertThat(all.p50Micros()).isPositive();
    }
}
