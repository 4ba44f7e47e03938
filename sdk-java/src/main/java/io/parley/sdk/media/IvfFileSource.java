package io.parley.sdk.media;

import io.parley.sdk.media.ivf.IvfFrame;
import io.parley.sdk.media.ivf.IvfHeader;
import io.parley.sdk.media.ivf.IvfReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a VP8 IVF file: each frame goes out whole at the time its timestamp says (converted to
 * the 90 kHz RTP clock, RFC 7741 §4.1), paced on the shared pacer, once or looping with continuous
 * timestamps. The file must start with a key frame; a played file cannot make a new one, so a
 * player that asks waits for the file's next. The file is read and checked when the source is made
 * and held in memory (a minute at 500 kbit/s is under 4 MB).
 */
public final class IvfFileSource extends PacedTrack {
    private final IvfHeader header;
    private final int frames;

    /**
     * @throws MediaFormatException when the file is not VP8 IVF, is damaged, holds no frame, does
     *                              not start with a key frame or its timestamps go backwards
     */
    public IvfFileSource(Path file, boolean loop) throws IOException {
        this(read(file), loop);
    }

    private IvfFileSource(Contents c, boolean loop) {
        super(MediaKind.VIDEO, c.frames, c.passTicks, loop);
        this.header = c.header;
        this.frames = c.frames.size();
    }

    /** What the file holds: its header, its frames and how long one pass lasts. */
    private record Contents(IvfHeader header, List<PacedTrack.Frame> frames, long passTicks) {
    }

    private static Contents read(Path file) throws IOException {
        List<PacedTrack.Frame> list = new ArrayList<>();
        IvfHeader header;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             IvfReader reader = new IvfReader(in)) {
            header = reader.header();
            if (!IvfHeader.VP8.equals(header.fourcc())) {
                throw new MediaFormatException("ivf.codec", file + ": codec " + header.fourcc() + ", not VP80");
            }
            long firstPts = 0;
            long last = -1;
            for (IvfFrame f; (f = reader.next()) != null; ) {
                if (list.isEmpty()) {
                    if (!f.isVp8Keyframe()) {
                        throw new MediaFormatException("ivf.first-keyframe", file + ": first frame is not a key frame");
                    }
                    firstPts = f.pts();
                }
                long offset = header.toClock(f.pts() - firstPts, MediaKind.VIDEO.clockRate());
                if (offset < last) {
                    throw new MediaFormatException("ivf.pts", file + ": timestamps go backwards at frame " + list.size());
                }
                last = offset;
                if (f.data().length > 0) {
                    list.add(new PacedTrack.Frame(f.data(), offset, f.isVp8Keyframe()));
                }
            }
        }
        if (list.isEmpty()) {
            throw new MediaFormatException("ivf.no-frames", file + ": no frames");
        }
        long lastOffset = list.get(list.size() - 1).offsetTicks();
        // One pass lasts until the last frame ends: its duration taken as the average frame's.
        long frameTicks = list.size() > 1 ? Math.max(1, lastOffset / (list.size() - 1))
                : Math.max(1, header.toClock(1, MediaKind.VIDEO.clockRate()));
        return new Contents(header, list, lastOffset + frameTicks);
    }

    /** The file's header (size, time base). */
    public IvfHeader header() {
        return header;
    }

    /** Frames in one pass of the file. */
    public int frames() {
        return frames;
    }
}
