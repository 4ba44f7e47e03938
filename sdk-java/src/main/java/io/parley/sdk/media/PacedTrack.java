package io.parley.sdk.media;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Plays a track of frames held in memory in real time: each frame is handed on when the time since
 * {@link #start} reaches its offset in the track's clock, by a task that schedules itself on the
 * shared pacer for the next frame's due time (it never sleeps). Looping adds one pass's duration
 * to every offset, so RTP timestamps go on rising across the restart (RFC 3550 §5.1: the timestamp
 * advances with the sampling clock). A pacer that falls behind catches up by handing on every
 * frame that is due. The file sources extend it: they read their file into frames, it plays them.
 */
abstract class PacedTrack implements MediaSource {
    /** One frame and where it lies in the track, in ticks of the kind's clock from the first frame. */
    record Frame(byte[] data, long offsetTicks, boolean keyframe) {
    }

    private final MediaKind kind;
    private final List<Frame> frames;
    private final long passTicks;
    private final boolean loop;
    private final Object lock = new Object();
    private final long baseTimestamp = ThreadLocalRandom.current().nextLong(1L << 32);
    private FrameOutput output;
    private ScheduledExecutorService pacer;
    private ScheduledFuture<?> next;
    private long startNanos;
    private long pass;
    private int index;
    private boolean stopped;
    private long framesSent;

    /**
     * @param passTicks how long one pass lasts in the kind's clock: the last frame's offset plus its duration
     */
    PacedTrack(MediaKind kind, List<Frame> frames, long passTicks, boolean loop) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a track needs at least one frame");
        }
        if (passTicks <= frames.get(frames.size() - 1).offsetTicks()) {
            throw new IllegalArgumentException("a pass must last past its last frame");
        }
        this.kind = Objects.requireNonNull(kind);
        this.frames = List.copyOf(frames);
        this.passTicks = passTicks;
        this.loop = loop;
    }

    @Override
    public Set<MediaKind> kinds() {
        return Set.of(kind);
    }

    @Override
    public void start(FrameOutput output, ScheduledExecutorService pacer) {
        synchronized (lock) {
            if (this.output != null || stopped) {
                throw new IllegalStateException("a file source starts once");
            }
            this.output = Objects.requireNonNull(output, "output");
            this.pacer = pacer;
            this.startNanos = System.nanoTime();
            next = pacer.schedule(this::tick, 0, TimeUnit.NANOSECONDS);
        }
    }

    private long ticks(long pass, int i) {
        return pass * passTicks + frames.get(i).offsetTicks();
    }

    private long dueNanos(long ticks) {
        // Whole seconds and the rest apart: ticks times 10^9 would overflow after a day of looping.
        int rate = kind.clockRate();
        return startNanos + ticks / rate * 1_000_000_000L + ticks % rate * 1_000_000_000L / rate;
    }

    private void tick() {
        synchronized (lock) {
            long now = System.nanoTime();
            while (!stopped) {
                long t = ticks(pass, index);
                long due = dueNanos(t);
                if (due - now > 0) {
                    next = pacer.schedule(this::tick, due - now, TimeUnit.NANOSECONDS);
                    return;
                }
                Frame f = frames.get(index);
                output.frame(kind, f.data(), 0, f.data().length, (baseTimestamp + t) & 0xFFFF_FFFFL, f.keyframe());
                framesSent++;
                if (++index == frames.size()) {
                    index = 0;
                    pass++;
                    if (!loop) {
                        stopped = true;
                    }
                }
            }
        }
    }

    /** Frames handed on so far (for an Ogg Opus file: packets). */
    public long framesSent() {
        synchronized (lock) {
            return framesSent;
        }
    }

    @Override
    public void stop() {
        synchronized (lock) {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
        }
    }
}
