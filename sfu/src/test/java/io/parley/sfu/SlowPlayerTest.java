package io.parley.sfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A player whose leg blocks, behind a {@link QueuedLeg}, costs the stream's thread and the other players nothing. */
class SlowPlayerTest {
    private final ExecutorService drains = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopDrains() throws InterruptedException {
        drains.shutdownNow();
        assertThat(drains.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    @Timeout(10)
    void aBlockedLegDropsItsOwnPacketsWhileTheOthersGetEveryOne() {
        CountDownLatch unblock = new CountDownLatch(1);
        FakeLeg slowTarget = new FakeLeg() {
            @Override
            public void sendRtp(byte[] b, int off, int len) {
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.sendRtp(b, off, len);
            }
        };
        QueuedLeg slow = new QueuedLeg(slowTarget, drains, 16);
        FakeLeg fast = new FakeLeg();
        PublishedStream stream = new PublishedStream(StreamConfig.defaults(1),
                List.of(new PublishedTrackConfig(Codec.OPUS, Media.OPUS_PT)), new FakeLeg(), new ManualClock());
        stream.play(slow, PlayerTrackConfig.of(1, Media.OPUS_PT));
        stream.play(fast, PlayerTrackConfig.of(2, Media.OPUS_PT));

        for (int seq = 0; seq < 100; seq++) {
            byte[] p = Media.opus(9, seq, 960L * seq);
            stream.receiveRtp(p, 0, p.length);
        }

        assertThat(fast.packets()).hasSize(100);
        // The drain holds the first slot while the target blocks: 16 queued, the rest dropped.
        assertThat(slow.dropped()).isEqualTo(84);
        unblock.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> slowTarget.rtp.size() == 16);
        assertThat(slowTarget.packets().get(15).sequenceNumber())
                .isEqualTo((slowTarget.packets().get(0).sequenceNumber() + 15) & 0xFFFF);
    }

    @Test
    void aDrainedQueueTakesNewPacketsAgainAndCountsATargetThatThrows() {
        FakeLeg target = new FakeLeg();
        QueuedLeg queued = new QueuedLeg(target, Runnable::run, 4);
        byte[] packet = Media.opus(9, 1, 960);
        for (int i = 0; i < 10; i++) {
            queued.sendRtp(packet, 0, packet.length);
        }
        queued.sendRtcp(packet, 0, 8);
        assertThat(target.rtp).hasSize(10);
        assertThat(target.rtcp).hasSize(1);
        target.failing = true;
        queued.sendRtp(packet, 0, packet.length);
        assertThat(queued.failed()).isEqualTo(1);
        assertThat(queued.dropped()).isZero();
        queued.sendRtp(new byte[4096], 0, 4096);
        assertThat(queued.dropped()).isEqualTo(1);
    }
}
