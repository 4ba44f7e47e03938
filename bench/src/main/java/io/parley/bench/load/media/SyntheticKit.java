package io.parley.bench.load.media;

import io.parley.bench.load.stats.Percentiles.Summary;
import io.parley.sdk.media.CountingSink;
import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.MediaSink;
import io.parley.sdk.media.MediaSource;
import io.parley.sdk.media.SyntheticConfig;
import io.parley.sdk.media.SyntheticSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Java SDK's load media: {@link SyntheticSource}s (each packet carries its send time) and
 * {@link CountingSink}s. A counting sink counts from its first packet on, so when the measured
 * window starts each play gets a fresh one: the window's packets, gaps and delays are then the
 * window's alone, without subtracting histograms.
 */
public final class SyntheticKit implements MediaKit {

    @Override
    public MediaSource source(SourceShape shape) {
        SyntheticConfig config = shape.videoBitsPerSecond() == 0 ? SyntheticConfig.audio(80)
                : shape.audio() ? SyntheticConfig.audioVideo(shape.videoBitsPerSecond(), shape.videoPacketsPerSecond())
                : SyntheticConfig.video(shape.videoBitsPerSecond(), shape.videoPacketsPerSecond());
        return new SyntheticSource(config);
    }

    @Override
    public PlayMeter meter() {
        return new Meter();
    }

    /** Every play's current counting sink. */
    private static final class Meter implements PlayMeter {
        private final List<WindowedSink> sinks = new CopyOnWriteArrayList<>();

        @Override
        public MediaSink newSink() {
            WindowedSink s = new WindowedSink();
            sinks.add(s);
            return s;
        }

        @Override
        public Reception snapshot() {
            CountingSink.Snapshot all = CountingSink.Snapshot.empty();
            for (WindowedSink s : sinks) {
                all = all.merge(s.current.snapshot());
            }
            long n = all.delays().count();
            Summary delays = n == 0 ? Summary.EMPTY : new Summary(n, all.p50Micros(), all.p99Micros(), all.maxMicros());
            return new Reception(all.packets(), all.bytes(), all.lost(), delays);
        }

        @Override
        public void startWindow() {
            for (WindowedSink s : sinks) {
                s.current = new CountingSink();
            }
        }
    }

    /** One play's sink: hands each packet to the counting sink of the current window. */
    private static final class WindowedSink implements MediaSink {
        volatile CountingSink current = new CountingSink();

        @Override
        public void onRtp(MediaKind kind, byte[] packet, int offset, int length, long arrivalNanos) {
            current.onRtp(kind, packet, offset, length, arrivalNanos);
        }
    }
}
