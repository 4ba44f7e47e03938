package io.parley.sdk.media;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A load source: frames of the sizes and rates a {@link SyntheticConfig} asks for, each small enough
 * for one RTP packet and ending with a {@link SyntheticPayload} (sequence and send time) for
 * {@link CountingSink}. Video frames are shaped like VP8 (RFC 6386 §9.1 frame tag; key frames carry
 * the start code and a 640x360 size) so that an SFU's key-frame gate (RFC 7741 §4.3) lets them
 * through; a key frame goes out every {@code keyframeInterval} frames and after
 * {@link #requestKeyframe()}. Audio frames start with an Opus TOC byte (RFC 6716 §3.1, 20 ms CELT,
 * stereo). Frames are paced by fixed-rate tasks on the shared pacer; the contents are junk that no
 * decoder should be asked to show.
 */
public final class SyntheticSource implements MediaSource {
    private static final byte OPUS_TOC_CELT_FB_20MS_STEREO = (byte) 0xFC;

    private final SyntheticConfig config;
    private final AtomicBoolean keyframeWanted = new AtomicBoolean(true);
    private final byte[] videoFrame;
    private final byte[] audioFrame;
    private final Object lock = new Object();
    private FrameOutput output;
    private ScheduledFuture<?> videoTask;
    private ScheduledFuture<?> audioTask;
    private boolean stopped;
    private long videoSequence;
    private long audioSequence;
    private long videoTimestamp;
    private long audioTimestamp;
    private long framesSinceKeyframe;

    public SyntheticSource(SyntheticConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.videoFrame = new byte[config.videoFrameBytes()];
        this.audioFrame = new byte[config.audioFrameBytes()];
        audioFrame[0] = OPUS_TOC_CELT_FB_20MS_STEREO;
        // Random starting timestamps, as RFC 3550 §5.1 asks of a real sender.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        videoTimestamp = random.nextLong(1L << 32);
        audioTimestamp = random.nextLong(1L << 32);
    }

    @Override
    public Set<MediaKind> kinds() {
        return config.kinds();
    }

    @Override
    public void start(FrameOutput output, ScheduledExecutorService pacer) {
        synchronized (lock) {
            if (this.output != null || stopped) {
                throw new IllegalStateException("a synthetic source starts once");
            }
            this.output = Objects.requireNonNull(output, "output");
            if (config.kinds().contains(MediaKind.VIDEO)) {
                long period = 1_000_000_000L / config.videoPacketsPerSecond();
                videoTask = pacer.scheduleAtFixedRate(this::sendVideo, 0, period, TimeUnit.NANOSECONDS);
            }
            if (config.kinds().contains(MediaKind.AUDIO)) {
                long period = 1_000_000_000L / SyntheticConfig.AUDIO_PACKETS_PER_SECOND;
                audioTask = pacer.scheduleAtFixedRate(this::sendAudio, 0, period, TimeUnit.NANOSECONDS);
            }
        }
    }

    @Override
    public void requestKeyframe() {
        keyframeWanted.set(true);
    }

    /** Video frames handed on so far. */
    public long videoFrames() {
        synchronized (lock) {
            return videoSequence;
        }
    }

    /** Audio frames handed on so far. */
    public long audioFrames() {
        synchronized (lock) {
            return audioSequence;
        }
    }

    private void sendVideo() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            boolean key = keyframeWanted.getAndSet(false) || framesSinceKeyframe + 1 >= config.keyframeInterval()
                    || videoSequence == 0;
            framesSinceKeyframe = key ? 0 : framesSinceKeyframe + 1;
            writeVp8Header(videoFrame, key);
            // From the frame count, not by adding a rounded step, so odd rates do not drift.
            long timestamp = (videoTimestamp + videoSequence * MediaKind.VIDEO.clockRate()
                    / config.videoPacketsPerSecond()) & 0xFFFF_FFFFL;
            SyntheticPayload.write(videoFrame, videoFrame.length, videoSequence++, System.nanoTime());
            output.frame(MediaKind.VIDEO, videoFrame, 0, videoFrame.length, timestamp, key);
        }
    }

    private void sendAudio() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            SyntheticPayload.write(audioFrame, audioFrame.length, audioSequence++, System.nanoTime());
            output.frame(MediaKind.AUDIO, audioFrame, 0, audioFrame.length, audioTimestamp, false);
            audioTimestamp = (audioTimestamp + 960) & 0xFFFF_FFFFL;
        }
    }

    /**
     * The VP8 frame tag (RFC 6386 §9.1): P=0 for a key frame, version 0, shown, and a first
     * partition that spans the rest of the frame; a key frame adds the start code and 640x360.
     */
    static void writeVp8Header(byte[] frame, boolean key) {
        int headerLength = key ? 10 : 3;
        int partition = Math.max(0, frame.length - headerLength);
        int tag = (key ? 0 : 1) | 0x10 | (partition << 5);
        frame[0] = (byte) tag;
        frame[1] = (byte) (tag >>> 8);
        frame[2] = (byte) (tag >>> 16);
        if (key) {
            frame[3] = (byte) 0x9D;
            frame[4] = 0x01;
            frame[5] = 0x2A;
            frame[6] = (byte) 640;
            frame[7] = (byte) (640 >>> 8);
            frame[8] = (byte) 360;
            frame[9] = (byte) (360 >>> 8);
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (videoTask != null) {
                videoTask.cancel(false);
            }
            if (audioTask != null) {
                audioTask.cancel(false);
            }
        }
    }
}
