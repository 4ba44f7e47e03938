package io.parley.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.sdk.media.CountingSink;
import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.PcmSink;
import io.parley.sdk.media.PcmSource;
import io.parley.sdk.media.SyntheticConfig;
import io.parley.sdk.media.SyntheticSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine with the media package's own sources and sinks, Java to Java through the server: a
 * PCM tone in and the same tone out, and a synthetic load counted at the far end.
 */
class MediaThroughServerTest extends WithServer {
    private static final int RATE = 48_000;

    @Test
    void aToneInIsTheSameToneOut() {
        ExpressEngine speaker = server.joined("room1", "speaker", new Events());
        ExpressEngine listener = server.joined("room1", "listener", new Events());
        PcmSource tone = new PcmSource(1, 32_000, 500);
        short[] pcm = new short[RATE * 4];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        tone.push(pcm, 0, pcm.length);
        // Mono decode, kept from the second second on (past the codec's and the play's start).
        short[] heard = new short[RATE];
        int[] filled = {0};
        long[] seen = {0};
        PcmSink sink = new PcmSink((samples, n, channels) -> {
            synchronized (heard) {
                seen[0] += n;
                if (seen[0] > RATE / 2) {
                    int take = Math.min(n, heard.length - filled[0]);
                    System.arraycopy(samples, 0, heard, filled[0], take);
                    filled[0] += take;
                }
            }
        }, 1);
        listener.startPlayingStream("tone", sink).orTimeout(10, TimeUnit.SECONDS).join();
        speaker.startPublishingStream("tone", tone).orTimeout(15, TimeUnit.SECONDS).join();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            synchronized (heard) {
                return filled[0] == heard.length;
            }
        });
        synchronized (heard) {
            assertThat(frequency(heard)).isBetween(430.0, 450.0);
            assertThat(rms(heard)).isGreaterThan(2000);
        }
    }

    @Test
    void aSyntheticLoadArrivesCountedWithoutLoss() {
        ExpressEngine publisher = server.joined("room1", "load", new Events());
        ExpressEngine player = server.joined("room1", "meter", new Events());
        CountingSink counter = new CountingSink();
        player.startPlayingStream("synthetic", counter).orTimeout(10, TimeUnit.SECONDS).join();
        publisher.startPublishingStream("synthetic", new SyntheticSource(SyntheticConfig.audioVideo(500_000, 100)))
                .orTimeout(15, TimeUnit.SECONDS).join();
        await().atMost(Duration.ofSeconds(15)).until(() -> counter.snapshot(MediaKind.VIDEO).packets() > 300
                && counter.snapshot(MediaKind.AUDIO).packets() > 150);
        CountingSink.Snapshot all = counter.snapshot();
        assertThat(all.malformed()).isZero();
        assertThat(all.p50Micros()).isPositive();
        System.out.printf("synthetic 500 kbit/s video + audio over loopback: %d packets, loss %.4f, one-way p50 %d us, p99 %d us%n",
                all.packets(), all.lossRatio(), all.p50Micros(), all.p99Micros());
    }

    /** Zero crossings upward per second. */
    private static double frequency(short[] s) {
        int crossings = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i - 1] < 0 && s[i] >= 0) {
                crossings++;
            }
        }
        return crossings * (double) RATE / s.length;
    }

    private static double rms(short[] s) {
        double sum = 0;
        for (short v : s) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum / s.length);
    }
}
