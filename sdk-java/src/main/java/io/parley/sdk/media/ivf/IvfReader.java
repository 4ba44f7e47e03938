package io.parley.sdk.media.ivf;

import io.parley.sdk.media.MediaFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an IVF file: its {@link IvfHeader}, then frame after frame. A frame header that is cut
 * off, or a frame larger than {@value #MAX_FRAME_BYTES} bytes (no VP8 frame is; a corrupt length
 * would be), is an error with a {@link MediaFormatException#code() code}.
 */
public final class IvfReader implements AutoCloseable {
    /** The largest frame accepted. */
    public static final int MAX_FRAME_BYTES = 16 << 20;

    private final InputStream in;
    private final IvfHeader header;
    private final byte[] frameHeader = new byte[IvfFrame.HEADER_LENGTH];
    private long frames;

    /** Reads the file header at once. */
    public IvfReader(InputStream in) throws IOException {
        this.in = in;
        byte[] b = in.readNBytes(IvfHeader.LENGTH);
        this.header = IvfHeader.parse(b, 0, b.length);
    }

    public IvfHeader header() {
        return header;
    }

    /** The next frame, or null at a clean end of the file. */
    public IvfFrame next() throws IOException {
        int got = in.readNBytes(frameHeader, 0, frameHeader.length);
        if (got == 0) {
            return null;
        }
        if (got < frameHeader.length) {
            throw new MediaFormatException("ivf.truncated", "frame header " + frames + " is cut off");
        }
        long size = IvfHeader.getLe(frameHeader, 0, 4);
        if (size > MAX_FRAME_BYTES) {
            throw new MediaFormatException("ivf.frame-size", "frame " + frames + " claims " + size + " bytes");
        }
        long pts = IvfHeader.getLe(frameHeader, 4, 8);
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new MediaFormatException("ivf.truncated", "frame " + frames + " of " + size + " bytes is cut off");
        }
        frames++;
        return new IvfFrame(pts, data);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
