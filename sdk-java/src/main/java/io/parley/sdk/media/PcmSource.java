package io.parley.sdk.media;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Audio the application pushes as 16-bit PCM at 48 kHz, mono or stereo (interleaved), encoded with
 * concentus (pure-Java Opus, RFC 6716) into 20 ms packets and sent one per 20 ms by a fixed-rate
 * task on the shared pacer. {@link #push} never blocks, whatever thread calls it (an echo bot
 * pushes from a sink's callback on the event loop): encoded packets wait in a bounded queue, and
 * when the application pushes faster than real time for longer than the queue holds, the oldest
 * packets are dropped and counted. When the queue is empty nothing is sent; the RTP timestamp
 * still advances with the clock, so the player hears a pause, not a jump (RFC 3550 §5.1).
 */
public final class PcmSource implements MediaSource {
    /** Samples per channel in one 20 ms packet. */
    public static final int FRAME_SAMPLES = 960;

    private final int channels;
    private final int capacity;
    private final OpusEncoder encoder;
    private final short[] pending;
    private final byte[] encoded = new byte[1500];
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final long baseTimestamp = ThreadLocalRandom.current().nextLong(1L << 32);
    private int pendingSamples;
    private FrameOutput output;
    private ScheduledFuture<?> task;
    private long ticks;
    private long packetsSent;
    private long packetsDropped;
    private boolean stopped;

    /** Mono or stereo PCM at 32 kbit/s Opus with one second of queue. */
    public PcmSource(int channels) {
        this(channels, 32_000, 50);
    }

    /**
     * @param channels      1 or 2
     * @param bitsPerSecond the Opus bit rate, 6,000-510,000
     * @param queuePackets  how many 20 ms packets may wait to be sent, at least 1
     */
    public PcmSource(int channels, int bitsPerSecond, int queuePackets) {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("PCM channels must be 1 or 2: " + channels);
        }
        if (queuePackets < 1) {
            throw new IllegalArgumentException("the queue holds at least one packet: " + queuePackets);
        }
        this.channels = channels;
        this.capacity = queuePackets;
        this.pending = new short[FRAME_SAMPLES * channels];
        try {
            this.encoder = new OpusEncoder(48_000, channels, OpusApplication.OPUS_APPLICATION_AUDIO);
            encoder.setBitrate(bitsPerSecond);
        } catch (OpusException e) {
            throw new IllegalArgumentException("concentus refused the encoder: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<MediaKind> kinds() {
        return Set.of(MediaKind.AUDIO);
    }

    /**
     * Adds {@code samplesPerChannel} samples per channel from {@code pcm[offset]} (interleaved when
     * stereo); every full 20 ms is encoded now, on the caller's thread, and queued.
     */
    public void push(short[] pcm, int offset, int samplesPerChannel) {
        Objects.checkFromIndexSize(offset, samplesPerChannel * channels, pcm.length);
        synchronized (encoder) { // one encoder, one push at a time
            int at = offset;
            int left = samplesPerChannel * channels;
            while (left > 0) {
                int take = Math.min(left, pending.length - pendingSamples);
                System.arraycopy(pcm, at, pending, pendingSamples, take);
                pendingSamples += take;
                at += take;
                left -= take;
                if (pendingSamples == pending.length) {
                    encodeFrame();
                    pendingSamples = 0;
                }
            }
        }
    }

    private void encodeFrame() {
        int n;
        try {
            n = encoder.encode(pending, 0, FRAME_SAMPLES, encoded, 0, encoded.length);
        } catch (OpusException e) {
            throw new IllegalStateException("concentus could not encode a frame: " + e.getMessage(), e);
        }
        byte[] packet = Arrays.copyOf(encoded, n);
        synchronized (queue) {
            if (queue.size() == capacity) {
                queue.poll();
                packetsDropped++;
            }
            queue.add(packet);
        }
    }

    @Override
    public void start(FrameOutput output, ScheduledExecutorService pacer) {
        synchronized (queue) {
            if (this.output != null || stopped) {
                throw new IllegalStateException("a PCM source starts once");
            }
            this.output = Objects.requireNonNull(output, "output");
            task = pacer.scheduleAtFixedRate(this::tick, 0, 20, TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        synchronized (queue) {
            if (stopped) {
                return;
            }
            long timestamp = (baseTimestamp + ticks++ * FRAME_SAMPLES) & 0xFFFF_FFFFL;
            byte[] packet = queue.poll();
            if (packet != null) {
                output.frame(MediaKind.AUDIO, packet, 0, packet.length, timestamp, false);
                packetsSent++;
            }
        }
    }

    /** Packets waiting to be sent. */
    public int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Packets sent so far. */
    public long packetsSent() {
        synchronized (queue) {
            return packetsSent;
        }
    }

    /** Packets dropped because the queue was full. */
    public long packetsDropped() {
        synchronized (queue) {
            return packetsDropped;
        }
    }

    @Override
    public void stop() {
        synchronized (queue) {
            stopped = true;
            if (task != null) {
                task.cancel(false);
            }
        }
    }
}
