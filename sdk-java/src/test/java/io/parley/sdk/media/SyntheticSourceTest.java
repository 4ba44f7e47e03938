package io.parley.sdk.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.wire.codec.Vp8PayloadDescriptor;
import io.parley.wire.rtp.RtpPacket;
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
        Thread.sleep(1000);
        source.stop();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        int countAfterStop = frames.size();
        Thread.sleep(100);
        assertThat(frames).hasSize(countAfterStop); // nothing after stop()

        List<Frame> video = frames.stream().filter(f -> f.kind() == MediaKind.VIDEO).toList();
        List<Frame> audio = frames.stream().filter(f -> f.kind() == MediaKind.AUDIO).toList();
        // Real time, with room for a busy machine: 100/s and 50/s over about a second.
        assertThat((double) video.size()).isBetween(0.6 * elapsedMs / 10, 1.1 * elapsedMs / 10 + 2);
        assertThat((double) audio.size()).isBetween(0.6 * elapsedMs / 20, 1.1 * elapsedMs / 20 + 2);

        for (int i = 0; i < video.size(); i++) {
            Frame f = video.get(i);
            assertThat(f.data()).hasSize(600);
            assertThat(f.sequence()).isEqualTo(i);
            assertThat(f.sendNanos() - started).isBetween(0L, 2_000_000_000L);
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
        Thread.sleep(400);
        source.stop();
        assertThat(keys.size()).isGreaterThan(11);
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
