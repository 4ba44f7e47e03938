package io.parley.sdk.media;

import io.parley.sdk.media.ogg.OggPacketWriter;
import io.parley.sdk.media.ogg.OpusHead;
import io.parley.sdk.media.ogg.OpusTags;
import io.parley.sdk.media.opus.OpusToc;
import io.parley.wire.WireFormatException;
import io.parley.wire.rtp.RtpPacket;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a played stream's Opus audio into an Ogg Opus file (RFC 7845): the ID header (stereo, as
 * RTP Opus is, RFC 7587 §7) and comment header on their own pages, then each RTP payload as one
 * packet whose granule position follows its RTP timestamp, so a gap of lost packets stays a gap in
 * time. Packets that arrive after a later one are dropped (granules only rise). Writes go through
 * a 64 KB buffer; {@link #close()} writes the end-of-stream page and flushes. A failed write is
 * logged once and ends the recording.
 */
public final class OggOpusFileSink implements MediaSink {
    private static final Logger log = LoggerFactory.getLogger(OggOpusFileSink.class);
    private static final int PRE_SKIP = 312;

    private final Path file;
    private final OggPacketWriter writer;
    private final RtpPacket view = new RtpPacket();
    private boolean started;
    private long firstTimestamp;
    private long lastOffset = -1;
    private long packetsWritten;
    private long packetsDropped;
    private boolean failed;
    private boolean closed;

    /** Creates (or truncates) {@code file} and writes the Opus headers at once. */
    public OggOpusFileSink(Path file) throws IOException {
        this.file = file;
        this.writer = new OggPacketWriter(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024),
                ThreadLocalRandom.current().nextInt());
        byte[] head = new OpusHead(2, PRE_SKIP, 48_000, 0, 0, 1, 1, new byte[0]).toBytes();
        writer.writePacket(head, 0, head.length, 0);
        writer.flushPage();
        byte[] tags = new OpusTags("parley", List.of()).toBytes();
        writer.writePacket(tags, 0, tags.length, 0);
        writer.flushPage();
    }

    @Override
    public synchronized void onRtp(MediaKind kind, byte[] packet, int offset, int length, long arrivalNanos) {
        if (kind != MediaKind.AUDIO || closed || failed) {
            return;
        }
        int samples;
        try {
            view.wrap(packet, offset, length);
            samples = OpusToc.samples(packet, view.payloadOffset(), view.payloadLength());
        } catch (WireFormatException | MediaFormatException e) {
            packetsDropped++;
            return;
        }
        if (!started) {
            started = true;
            firstTimestamp = view.timestamp();
        }
        // Offset from the first packet, unwrapped near the last one; older than the last: late.
        long delta = (int) ((view.timestamp() - firstTimestamp - Math.max(0, lastOffset)) & 0xFFFF_FFFFL);
        long at = Math.max(0, lastOffset) + delta;
        if (at <= lastOffset) {
            packetsDropped++;
            return;
        }
        lastOffset = at;
        try {
            writer.writePacket(packet, view.payloadOffset(), view.payloadLength(), PRE_SKIP + at + samples);
            packetsWritten++;
        } catch (IOException e) {
            failed = true;
            log.warn("Ogg recording to {} failed, stopping it: {}", file, e.toString());
        }
    }

    /** Opus packets written so far. */
    public synchronized long packetsWritten() {
        return packetsWritten;
    }

    /** Packets not written: late, or not Opus. */
    public synchronized long packetsDropped() {
        return packetsDropped;
    }

    /** Writes the end-of-stream page, flushes and closes the file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.close();
        } catch (IOException e) {
            log.warn("Ogg recording to {} could not be finished: {}", file, e.toString());
        }
    }
}
