package io.parley.sdk.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.parley.sdk.media.ivf.IvfFrame;
import io.parley.sdk.media.ivf.IvfHeader;
import io.parley.sdk.media.ivf.IvfReader;
import io.parley.sdk.media.ivf.IvfWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class FileSourcesTest {
    private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(1);

    @AfterEach
    void stopPacer() {
        pacer.shutdownNow();
    }

    record Sent(MediaKind kind, long nanos, long timestamp, boolean key, int length) {
    }

    private long startedNanos;
    private long ranMillis;

    /** Runs {@code source} until what it sent is {@code enough}, however long a loaded machine takes. */
    private List<Sent> run(MediaSource source, ScheduledExecutorService pacer, Predicate<List<Sent>> enough) {
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        startedNanos = System.nanoTime();
        source.start((kind, data, off, len, ts, key) -> sent.add(new Sent(kind, System.nanoTime(), ts, key, len)), pacer);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            synchronized (sent) {
                return enough.test(sent);
            }
        });
        source.stop();
        ranMillis = (System.nanoTime() - startedNanos) / 1_000_000;
        synchronized (sent) {
            return new ArrayList<>(sent);
        }
    }

    @Test
    void oggOpusIsPacedByItsPacketDurations() throws Exception {
        OggOpusFileSource source = new OggOpusFileSource(Fixtures.opusOgg(), false);
        assertThat(source.packets()).isEqualTo(Fixtures.OPUS_PACKETS);
        assertThat(source.kinds()).containsExactly(MediaKind.AUDIO);
        List<Sent> sent = run(source, pacer, s -> s.size() >= 50);

        // 50 packets per second: never ahead of the time until stop(), not behind the time the last one
        // left (a pacer starved just before stop() has not caught up yet: that is the machine, not it).
        long lastMillis = (sent.get(sent.size() - 1).nanos() - startedNanos) / 1_000_000;
        System.out.printf("Ogg/Opus: %d packets in %d ms, the last at %d ms%n", sent.size(), ranMillis, lastMillis);
        assertThat(sent.size()).isBetween((int) (0.6 * lastMillis / 20), (int) (ranMillis / 20) + 2);
        for (int i = 1; i < sent.size(); i++) {
            assertThat((sent.get(i).timestamp() - sent.get(i - 1).timestamp()) & 0xFFFF_FFFFL).isEqualTo(960);
        }
        // No packet left before its timestamp says, counted from the start (never ahead of real time;
        // a scheduler may run late, never early).
        for (int i = 0; i < sent.size(); i++) {
            assertThat(sent.get(i).nanos() - startedNanos).isGreaterThanOrEqualTo(i * 20_000_000L);
        }
    }

    @Test
    void ivfLoopsWithRisingTimestamps(@TempDir Path dir) throws Exception {
        Path shortFile = dir.resolve("five.ivf");
        try (IvfReader r = new IvfReader(Files.newInputStream(Fixtures.vp8Ivf()));
             OutputStream out = Files.newOutputStream(shortFile);
             IvfWriter w = new IvfWriter(out, r.header())) {
            for (int i = 0; i < 5; i++) { // a key frame and four more: 167 ms a pass
                IvfFrame f = r.next();
                w.writeFrame(f.data(), 0, f.data().length, f.pts());
            }
        }
        IvfFileSource source = new IvfFileSource(shortFile, true);
        assertThat(source.frames()).isEqualTo(5);
        List<Sent> sent = run(source, pacer, s -> s.size() >= 16);

        // 30 frames a second, never ahead of real time; more than three passes of five frames.
        System.out.printf("IVF loop: %d frames in %d ms%n", sent.size(), ranMillis);
        assertThat(sent.size()).isBetween(16, (int) (ranMillis * 30 / 1000) + 2);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(sent.get(i).key()).isEqualTo(i % 5 == 0);
            if (i > 0) { // 3000 ticks apart, across every restart too
                assertThat((sent.get(i).timestamp() - sent.get(i - 1).timestamp()) & 0xFFFF_FFFFL).isEqualTo(3000);
            }
        }
    }

    @Test
    void aSourceThatIsNotItsFormatFailsWhenMade(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> new IvfFileSource(Fixtures.opusOgg(), false))
                .isInstanceOfSatisfying(MediaFormatException.class, e -> assertThat(e.code()).isEqualTo("ivf.signature"));
        assertThatThrownBy(() -> new OggOpusFileSource(Fixtures.vp8Ivf(), false))
                .isInstanceOfSatisfying(MediaFormatException.class, e -> assertThat(e.code()).isEqualTo("ogg.capture"));
        Path inter = dir.resolve("inter.ivf");
        try (IvfReader r = new IvfReader(Files.newInputStream(Fixtures.vp8Ivf()));
             OutputStream out = Files.newOutputStream(inter);
             IvfWriter w = new IvfWriter(out, new IvfHeader("VP80", 640, 360, 30, 1, 1))) {
            r.next();
            IvfFrame second = r.next();
            w.writeFrame(second.data(), 0, second.data().length, 0);
        }
        assertThatThrownBy(() -> new IvfFileSource(inter, false)).isInstanceOfSatisfying(MediaFormatException.class,
                e -> assertThat(e.code()).isEqualTo("ivf.first-keyframe"));
    }

    @Test
    void combinedSourcesStartStopAndTakeKeyframeRequestsTogether() throws Exception {
        SyntheticSource video = new SyntheticSource(SyntheticConfig.video(100_000, 20));
        OggOpusFileSource audio = new OggOpusFileSource(Fixtures.opusOgg(), true);
        MediaSource both = MediaSources.combine(audio, video);
        assertThat(both.kinds()).containsExactlyInAnyOrder(MediaKind.AUDIO, MediaKind.VIDEO);
        List<Sent> sent = run(new MediaSource() {
            @Override
            public java.util.Set<MediaKind> kinds() {
                return both.kinds();
            }

            @Override
            public void start(FrameOutput output, ScheduledExecutorService p) {
                both.start((kind, data, off, len, ts, key) -> {
                    output.frame(kind, data, off, len, ts, key);
                    if (kind == MediaKind.VIDEO && video.videoFrames() == 3) {
                        both.requestKeyframe();
                    }
                }, p);
            }

            @Override
            public void stop() {
                both.stop();
            }
        }, pacer, s -> s.stream().filter(x -> x.kind() == MediaKind.AUDIO).count() > 10
                && s.stream().filter(x -> x.kind() == MediaKind.VIDEO).count() > 5);
        List<Sent> v = sent.stream().filter(s -> s.kind() == MediaKind.VIDEO).toList();
        assertThat(v.subList(0, 5)).extracting(Sent::key).containsExactly(true, false, false, true, false);
        assertThatThrownBy(() -> MediaSources.combine(video, audio)).isInstanceOf(IllegalArgumentException.class);
    }
}
