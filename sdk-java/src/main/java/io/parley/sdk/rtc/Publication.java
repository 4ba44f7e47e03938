package io.parley.sdk.rtc;

import io.parley.sdk.PublishStreamQuality;
import io.parley.sdk.StreamQualityLevel;
import io.parley.sdk.media.FrameOutput;
import io.parley.sdk.media.MediaKind;
import io.parley.sdk.media.MediaSource;
import io.parley.transport.MediaTransport;
import io.parley.wire.rtcp.ReportBlock;
import io.parley.wire.rtcp.SenderReport;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * One published stream on the publisher transport: its source, one packetizer per track, and what
 * RTCP says of it (RFC 3550 §6.4: the sender reports it sends, the loss and round trip of the
 * receiver reports it gets). The source's frames go straight from its pacer thread through the
 * packetizer to the transport; muting a kind drops its frames before they are packetized.
 */
final class Publication implements FrameOutput {
    final String streamID;
    final MediaSource source;
    final TrackPacketizer audio;
    final TrackPacketizer video;
    final String[] mids;
    private final Supplier<MediaTransport> transport;
    private final TrackPacketizer.Output send;
    private volatile boolean mutedAudio;
    private volatile boolean mutedVideo;
    private volatile boolean running;
    private volatile String extraInfo = "";
    // Report state: written by the timer (SR) and the event loop (RR), read by the quality timer.
    private volatile long lastSrMiddle;
    private volatile long lastSrNanos;
    private volatile int rttMillis;
    private volatile int fractionLost;
    private long qualityAtNanos = System.nanoTime();
    private long qualityAudioBytes;
    private long qualityVideoBytes;
    private long qualityAudioFrames;
    private long qualityVideoFrames;

    Publication(String streamID, MediaSource source, TrackPacketizer audio, TrackPacketizer video, String[] mids,
                Supplier<MediaTransport> transport) {
        this.streamID = streamID;
        this.source = source;
        this.audio = audio;
        this.video = video;
        this.mids = mids;
        this.transport = transport;
        this.send = (buf, off, len) -> {
            MediaTransport t = transport.get();
            if (t != null) {
                t.sendRtp(buf, off, len);
            }
        };
    }

    /** Starts the source on the shared pacer; its frames go out at once from here on. */
    void start(ScheduledExecutorService pacer) {
        running = true;
        source.start(this, pacer);
    }

    /** Stops the source; no frame is sent after this returns. */
    void stop() {
        running = false;
        try {
            source.stop();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Publication.class).warn("stream {}: the source failed to stop", streamID, e);
        }
    }

    boolean running() {
        return running;
    }

    String extraInfo() {
        return extraInfo;
    }

    void setExtraInfo(String extraInfo) {
        this.extraInfo = extraInfo == null ? "" : extraInfo;
    }

    void mute(MediaKind kind, boolean mute) {
        if (kind == MediaKind.AUDIO) {
            mutedAudio = mute;
        } else {
            mutedVideo = mute;
        }
    }

    @Override
    public void frame(MediaKind kind, byte[] data, int offset, int length, long rtpTimestamp, boolean keyframe) {
        if (!running) {
            return;
        }
        TrackPacketizer p = kind == MediaKind.AUDIO ? audio : video;
        if (p == null || (kind == MediaKind.AUDIO ? mutedAudio : mutedVideo)) {
            return;
        }
        synchronized (p) {
            p.packetize(data, offset, length, rtpTimestamp, keyframe, send);
        }
    }

    boolean owns(long ssrc) {
        return (audio != null && audio.ssrc() == ssrc) || (video != null && video.ssrc() == ssrc);
    }

    /** A NACK for {@code seq} of {@code ssrc}: sends it again from the history (RFC 4585 §6.2.1). */
    void resend(long ssrc, int seq) {
        if (video != null && video.ssrc() == ssrc) {
            synchronized (video) {
                video.resend(seq, send);
            }
        }
    }

    /** Writes the SR of each track that has sent something into {@code buf}; returns the bytes written. */
    int writeSenderReports(byte[] buf) {
        int n = 0;
        long ntp = NtpTime.now();
        for (TrackPacketizer p : new TrackPacketizer[] {audio, video}) {
            if (p == null) {
                continue;
            }
            synchronized (p) {
                if (p.packetsSent() == 0) {
                    continue;
                }
                n += SenderReport.write(buf, n, p.ssrc(), ntp, p.rtpTimestampNow(), p.packetsSent(), p.octetsSent(), 0);
            }
        }
        if (n > 0) {
            lastSrMiddle = NtpTime.middle(ntp);
            lastSrNanos = System.nanoTime();
        }
        return n;
    }

    /** A report block about one of our tracks: the loss fraction and, from LSR and DLSR, the round trip (RFC 3550 §6.4.1). */
    void onReportBlock(ReportBlock block) {
        fractionLost = block.fractionLost();
        long lsr = block.lastSenderReport();
        if (lsr != 0 && lsr == lastSrMiddle) {
            long nowMiddle = (lastSrMiddle + NtpTime.units(System.nanoTime() - lastSrNanos)) & 0xFFFF_FFFFL;
            long rttUnits = (nowMiddle - lsr - block.delaySinceLastSenderReport()) & 0xFFFF_FFFFL;
            if (rttUnits < 0x10000L * 10) {
                rttMillis = (int) (rttUnits * 1000 / 65536);
            }
        }
    }

    /** The quality since the last call (ZEGO's every-3-seconds report). */
    PublishStreamQuality quality() {
        long now = System.nanoTime();
        double seconds = Math.max(0.001, (now - qualityAtNanos) / 1e9);
        qualityAtNanos = now;
        long aBytes = audio == null ? 0 : audio.octetsSent();
        long vBytes = video == null ? 0 : video.octetsSent();
        long aFrames = audio == null ? 0 : audio.frames();
        long vFrames = video == null ? 0 : video.frames();
        double audioKbps = (aBytes - qualityAudioBytes) * 8 / 1000.0 / seconds;
        double videoKbps = (vBytes - qualityVideoBytes) * 8 / 1000.0 / seconds;
        double audioFps = (aFrames - qualityAudioFrames) / seconds;
        double videoFps = (vFrames - qualityVideoFrames) / seconds;
        boolean sending = aFrames > qualityAudioFrames || vFrames > qualityVideoFrames;
        qualityAudioBytes = aBytes;
        qualityVideoBytes = vBytes;
        qualityAudioFrames = aFrames;
        qualityVideoFrames = vFrames;
        double loss = fractionLost / 256.0;
        return new PublishStreamQuality(videoFps, videoKbps, audioFps, audioKbps, rttMillis, loss,
                StreamQualityLevel.of(sending, loss, rttMillis), aBytes + vBytes);
    }
}
