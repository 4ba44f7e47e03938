package io.parley.sdk.media;

import io.parley.sdk.media.ogg.OggPacket;
import io.parley.sdk.media.ogg.OggPacketReader;
import io.parley.sdk.media.ogg.OpusHead;
import io.parley.sdk.media.ogg.OpusTags;
import io.parley.sdk.media.opus.OpusToc;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes an Ogg Opus file (RFC 7845): its audio packets go out as they are, one per 20 ms (or
 * whatever each packet's TOC says it lasts, RFC 6716 §3.1), paced in real time on the shared
 * pacer, once or looping with continuous timestamps. The file is read and checked when the source
 * is made, so nothing reads the disk on the pacer's threads; it is held in memory (an hour of 32
 * kbit/s Opus is 14 MB).
 */
public final class OggOpusFileSource extends PacedTrack {
    private final OpusHead head;
    private final int packets;

    /**
     * @throws MediaFormatException when the file is not Ogg Opus, is damaged or holds no audio
     */
    public OggOpusFileSource(Path file, boolean loop) throws IOException {
        this(read(file), loop);
    }

    private OggOpusFileSource(Contents c, boolean loop) {
        super(MediaKind.AUDIO, c.packets, c.passTicks, loop);
        this.head = c.head;
        this.packets = c.packets.size();
    }

    /** What the file holds: its ID header, its audio packets and how long one pass lasts. */
    private record Contents(OpusHead head, List<PacedTrack.Frame> packets, long passTicks) {
    }

    private static Contents read(Path file) throws IOException {
        List<PacedTrack.Frame> frames = new ArrayList<>();
        long offset = 0;
        OpusHead head;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             OggPacketReader reader = new OggPacketReader(in)) {
            OggPacket first = reader.next();
            if (first == null) {
                throw new MediaFormatException("opus.head.missing", file + ": no OpusHead packet");
            }
            head = OpusHead.parse(first.data());
            if (head.channels() > 2) {
                throw new MediaFormatException("opus.head.channels", file + ": " + head.channels()
                        + " channels; RTP Opus (RFC 7587) carries mono or stereo");
            }
            OggPacket tags = reader.next();
            if (tags == null) {
                throw new MediaFormatException("opus.tags.missing", file + ": no OpusTags packet");
            }
            OpusTags.parse(tags.data());
            for (OggPacket p; (p = reader.next()) != null; ) {
                int samples = OpusToc.samples(p.data(), 0, p.data().length);
                frames.add(new PacedTrack.Frame(p.data(), offset, false));
                offset += samples;
            }
        }
        if (frames.isEmpty()) {
            throw new MediaFormatException("opus.no-audio", file + ": no audio packets");
        }
        return new Contents(head, frames, offset);
    }

    /** The file's ID header. */
    public OpusHead head() {
        return head;
    }

    /** Audio packets in one pass of the file. */
    public int packets() {
        return packets;
    }

    /** Packets handed on so far. */
    public long packetsSent() {
        return framesSent();
    }
}
