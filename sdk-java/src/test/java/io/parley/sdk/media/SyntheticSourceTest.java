package io.parley.sdk.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.parley.wire.codec.Vp8PayloadDescriptor;
import io.parley.wire.rtp.RtpPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class SyntheticSourceTest {
    private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stopPacer() {
        pacer.shutdownNow();
    }

    record Frame(MediaKind kind, byte[] data, long timestamp, boolean key, long sequence, long sendNanos) {
    }

    @Test
    void framesArePacedCarryTheirSendTimeAndLookLikeVp8() throws Exception {
        SyntheticConfig config = new SyntheticConfig(java.util.EnumSet.allOf(MediaKind.class), 100, 600, 80, 25);
        assertThat(config.videoBitsPerSecond()).isEqualTo(480_000);
        SyntheticSource source = new SyntheticSource(config);
        List<Frame> frames = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        source.start((kind, data, off, len, ts, key) -> {
            byte[] copy = java.util.Arrays.copyOfRange(data, off, off + len);
            frames.add(new Frame(kind, copy, ts, key, SyntheticPayload.sequence(copy, len),
                    SyntheticPayload.sendNanos(copy, len)));
        }, pacer);
        // About a second of both kinds, however long a loaded machine takes to pace it.
        await().atMost(Duration.ofSeconds(15)).until(() -> count(frames, MediaKind.VIDEO) >= 100
                && count(frames, MediaKind.AUDIO) >= 50);
        source.stop();
        long stopped = System.nanoTime();
        long elapsedMs = (stopped - started) / 1_000_000;
        int countAfterStop = frames.size();
        Thread.sleep(100);
        assertThat(frames).hasSize(countAfterStop); // nothing after stop()

        List<Frame> video = frames.stream().filter(f -> f.kind() == MediaKind.VIDEO).toList();
        List<Frame> audio = frames.stream().filter(f -> f.kind() == MediaKind.AUDIO).toList();
        // 100/s and 50/s: never ahead of the time until stop(), and not behind the time the last frame
        // was sent (a fixed-rate pacer that was starved catches up; one starved just before stop()
        // has not yet, so the stop time alone would judge the machine, not the pacer).
        long videoMs = (video.get(video.size() - 1).sendNanos() - started) / 1_000_000;
        long audioMs = (audio.get(audio.size() - 1).sendNanos() - started) / 1_000_000;
        System.out.printf("paced %d video frames over %d ms (last sent at %d ms), %d audio frames (last at %d ms)%n",
                video.size(), elapsedMs, videoMs, audio.size(), audioMs);
        assertThat((double) video.size()).isBetween(0.6 * videoMs / 10, 1.1 * elapsedMs / 10 + 2);
        assertThat((double) audio.size()).isBetween(0.6 * audioMs / 20, 1.1 * elapsedMs / 20 + 2);

        for (int i = 0; i < video.size(); i++) {
            Frame f = video.get(i);
            assertThat(f.data()).hasSize(600);
            assertThat(f.sequence()).isEqualTo(i);
            assertThat(f.sendNanos()).isBetween(started + i * 10_000_000L, stopped); // a pacer runs late, never early
            assertThat(f.key()).isEqualTo(i % 25 == 0);
            assertThat((f.data()[0] & 1) == 0).isEqualTo(f.key()); // the VP8 P bit
            if (f.key()) {
                assertThat(f.data()[3] & 0xFF).isEqualTo(0x9d);
            }
            assertThat((f.timestamp() - video.get(0).timestamp()) & 0xFFFF_FFFFL).isEqualTo(900L * i);
        }
        for (int i = 0; i < audio.size(); i++) {
            assertThat(audio.get(i).data()).hasSize(80);
            assertThat(audio.get(i).data()[0] & 0xFF).isEqualTo(0xfc);
            assertThat((audio.get(i).timestamp() - audio.get(0).timestamp()) & 0xFFFF_FFFFL).isEqualTo(960L * i);
        }
    }

    private static long count(List<Frame> frames, MediaKind kind) {
        synchronized (frames) {
            return frames.stream().filter(f -> f.kind() == kind).count();
        }
    }

    @Test
    void aRequestedKeyframeIsTheNextFrame() throws Exception {
        SyntheticSource source = new SyntheticSource(SyntheticConfig.video(200_000, 50));
        List<Boolean> keys = Collections.synchronizedList(new ArrayList<>());
        source.start((kind, data, off, len, ts, key) -> {
            keys.add(key);
            if (keys.size() == 10) {
                source.requestKeyframe();
            }
        }, pacer);
        await().atMost(Duration.ofSeconds(15)).until(() -> keys.size() > 11);
        source.stop();
        assertThat(keys.subList(0, 12)).containsExactly(true, false, false, false, false, false, false, false, false,
                false, true, false);
    }

    @Test
    void syntheticFramesPassTheSfuKeyframeTestOnceInOnePacket() throws Exception {
        byte[] frame = new byte[SyntheticConfig.MAX_FRAME_BYTES];
        SyntheticSource.writeVp8Header(frame, true);
        RtpPacketizer p = new RtpPacketizer(MediaKind.VIDEO, 1, 96, 1200);
        List<byte[]> out = new ArrayList<>();
        assertThat(p.packetize(frame, 0, frame.length, 0, true,
                (b, off, len) -> out.add(java.util.Arrays.copyOfRange(b, off, off + len)))).isEqualTo(1);
        RtpPacket r = RtpPacket.parse(out.get(0), 0, out.get(0).length);
        assertThat(new Vp8PayloadDescriptor().wrap(r.buffer(), r.payloadOffset(), r.payloadLength()).isKeyframe())
                .isTrue();
    }

    @Test
    void syntheticPacketsThroughThePacketizerAreCountedWithTheirDelay() throws Exception {
        SyntheticSource source = new SyntheticSource(SyntheticConfig.audioVideo(400_000, 100));
        CountingSink sink = new CountingSink();
        java.util.Map<MediaKind, RtpPacketizer> packetizers = java.util.Map.of(
                MediaKind.AUDIO, new RtpPacketizer(MediaKind.AUDIO, 1, 111, 1200).withMid(1, "0"),
                MediaKind.VIDEO, new RtpPacketizer(MediaKind.VIDEO, 2, 96, 1200).withMid(1, "1"));
        source.start((kind, data, off, len, ts, key) -> {
            int n = packetizers.get(kind).packetize(data, off, len, ts, key,
                    (b, o, l) -> sink.onRtp(kind, b, o, l, System.nanoTime()));
            assertThat(n).isEqualTo(1); // one frame, one packet: each packet carries its own send time
        }, pacer);
        Thread.sleep(500);
        source.stop();

        CountingSink.Snapshot video = sink.snapshot(MediaKind.VIDEO);
        CountingSink.Snapshot audio = sink.snapshot(MediaKind.AUDIO);
        CountingSink.Snapshot all = sink.snapshot();
        assertThat(video.packets()).isEqualTo(source.videoFrames());
        assertThat(audio.packets()).isEqualTo(source.audioFrames());
        assertThat(video.bytes()).isEqualTo(source.videoFrames() * (500 + 4)); // frame and VP8 descriptor
        assertThat(all.lost()).isZero();
        assertThat(all.delays().count()).isEqualTo(all.packets());
        assertThat(all.maxMicros()).isLessThan(5_000_000); // sent and counted in one call: no real delay
    }

    @Test
    void configsThatCannotFitOnePacketAreRefused() {
        assertThatThrownBy(() -> SyntheticConfig.video(2_000_000, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("raise the packet rate");
        assertThat(SyntheticConfig.video(2_000_000, 250).videoFrameBytes()).isEqualTo(1000);
        assertThatThrownBy(() -> new SyntheticConfig(java.util.Set.of(), 10, 100, 100, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
