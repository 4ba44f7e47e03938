package io.parley.sdk.media;

import io.parley.sdk.media.ivf.IvfHeader;
import io.parley.sdk.media.ivf.IvfWriter;
import io.parley.sdk.media.rtp.Vp8FrameAssembler;
import io.parley.wire.WireFormatException;
import io.parley.wire.rtp.RtpPacket;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a played stream's VP8 video into an IVF file that ffmpeg and libvpx play: packets are
 * joined into frames by a {@link Vp8FrameAssembler} (reordering, dropping frames that lost a
 * packet), the file starts at the first key frame (its size read from the key frame header, RFC
 * 6386 §9.1), and after a dropped frame nothing is written until the next key frame, so every
 * frame in the file decodes. Timestamps are the RTP timestamps from the first frame, in a 1/90000
 * time base. Writes go through a 64 KB buffer, so the event loop rarely waits for the disk;
 * {@link #close()} flushes and fills in the header's frame count. A failed write is logged once
 * and ends the recording; the play goes on.
 */
public final class IvfFileSink implements MediaSink {
    private static final Logger log = LoggerFactory.getLogger(IvfFileSink.class);

    private final Path file;
    private final OutputStream out;
    private final RtpPacket view = new RtpPacket();
    private final Vp8FrameAssembler assembler = new Vp8FrameAssembler(32, this::frame);
    private IvfWriter writer;
    private boolean waitingForKeyframe = true;
    private long droppedSeen;
    private long firstTimestamp;
    private long lastPts;
    private long framesSkipped;
    private boolean failed;
    private boolean closed;

    /** Creates (or truncates) {@code file} at once, so a bad path fails here. */
    public IvfFileSink(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
    }

    @Override
    public synchronized void onRtp(MediaKind kind, byte[] packet, int offset, int length, long arrivalNanos) {
        if (kind != MediaKind.VIDEO || closed || failed) {
            return;
        }
        try {
            view.wrap(packet, offset, length);
        } catch (WireFormatException e) {
            return;
        }
        assembler.onPacket(view);
    }

    private void frame(byte[] data, int offset, int length, long rtpTimestamp, boolean keyframe) {
        if (assembler.framesDropped() != droppedSeen) {
            droppedSeen = assembler.framesDropped();
            waitingForKeyframe = true; // what follows refers to the lost frame
        }
        if (waitingForKeyframe && !keyframe) {
            framesSkipped++;
            return;
        }
        waitingForKeyframe = false;
        try {
            if (writer == null) {
                writer = new IvfWriter(out, new IvfHeader(IvfHeader.VP8, dimension(data, offset + 6, length - 6),
                        dimension(data, offset + 8, length - 8), 90_000, 1, 0));
                firstTimestamp = rtpTimestamp;
                lastPts = -1;
            }
            // The 32-bit RTP timestamp, unwrapped against the previous frame's.
            long pts = lastPts < 0 ? 0 : lastPts + (int) ((rtpTimestamp - firstTimestamp - lastPts) & 0xFFFF_FFFFL);
            if (pts <= lastPts) {
                pts = lastPts + 1; // IVF players want rising timestamps
            }
            lastPts = pts;
            writer.writeFrame(data, offset, length, pts);
        } catch (IOException e) {
            failed = true;
            log.warn("IVF recording to {} failed, stopping it: {}", file, e.toString());
        }
    }

    /** A key frame's 14-bit width or height (RFC 6386 §9.1), 0 when the frame is too short. */
    private static int dimension(byte[] data, int at, int left) {
        return left < 2 ? 0 : ((data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8) & 0x3FFF;
    }

    /** Frames written so far. */
    public synchronized long framesWritten() {
        return writer == null ? 0 : writer.frames();
    }

    /** Frames dropped by the assembler (a packet lost) or skipped while waiting for a key frame. */
    public synchronized long framesLost() {
        return assembler.framesDropped() + framesSkipped;
    }

    /** Flushes, writes the frame count into the header and closes the file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (writer == null && !failed) {
                writer = new IvfWriter(out, new IvfHeader(IvfHeader.VP8, 0, 0, 90_000, 1, 0));
            }
            out.close();
            if (writer != null && !failed) {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    raf.seek(24);
                    long n = writer.frames();
                    raf.write(new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
                }
            }
        } catch (IOException e) {
            log.warn("IVF recording to {} could not be finished: {}", file, e.toString());
        }
    }
}
