package io.parley.sdk;

import io.parley.sdk.media.FrameOutput;
import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.MediaSource;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A source for these tests: a 20 ms Opus-sized packet and, at 25 fps, a frame shaped like VP8
 * (RFC 6386 §9.1: a key frame's first byte has P = 0 and its start code 9d 01 2a), so the SFU's
 * key-frame gate lets the video through. Every frame's payload starts with its frame number.
 */
final class TestSource implements MediaSource {
    private final Set<MediaKind> kinds;
    final AtomicInteger audioFrames = new AtomicInteger();
    final AtomicInteger videoFrames = new AtomicInteger();
    final AtomicInteger keyframeRequests = new AtomicInteger();
    private volatile boolean keyframeNext = true;
    private ScheduledFuture<?> audio;
    private ScheduledFuture<?> video;
    private volatile boolean stopped;

    TestSource(MediaKind... kinds) {
        this.kinds = kinds.length == 0 ? EnumSet.allOf(MediaKind.class) : EnumSet.of(kinds[0], kinds);
    }

    @Override
    public Set<MediaKind> kinds() {
        return kinds;
    }

    @Override
    public synchronized void start(FrameOutput output, ScheduledExecutorService pacer) {
        if (kinds.contains(MediaKind.AUDIO)) {
            byte[] opus = new byte[80];
            audio = pacer.scheduleAtFixedRate(() -> {
                int n = audioFrames.getAndIncrement();
                opus[0] = (byte) 0x78; // TOC: SILK-only 20 ms mono, any byte does for the SFU
                opus[1] = (byte) n;
                if (!stopped) {
                    output.frame(MediaKind.AUDIO, opus, 0, opus.length, 960L * n, false);
                }
            }, 0, 20, TimeUnit.MILLISECONDS);
        }
        if (kinds.contains(MediaKind.VIDEO)) {
            video = pacer.scheduleAtFixedRate(() -> {
                int n = videoFrames.getAndIncrement();
                boolean key = keyframeNext || n % 50 == 0;
                keyframeNext = false;
                byte[] frame = new byte[key ? 3000 : 1200];
                frame[0] = (byte) (key ? 0x10 : 0x11);
                frame[1] = 0x02;
                frame[2] = 0x00;
                if (key) {
                    frame[3] = (byte) 0x9d;
                    frame[4] = 0x01;
                    frame[5] = 0x2a;
                    frame[6] = (byte) 320;
                    frame[7] = (byte) (320 >> 8);
                    frame[8] = (byte) 240;
                    frame[9] = 0;
                }
                frame[10] = (byte) n;
                if (!stopped) {
                    output.frame(MediaKind.VIDEO, frame, 0, frame.length, 3600L * n, key);
                }
            }, 0, 40, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void requestKeyframe() {
        keyframeRequests.incrementAndGet();
        keyframeNext = true;
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (audio != null) {
            audio.cancel(false);
        }
        if (video != null) {
            video.cancel(false);
        }
    }
}
