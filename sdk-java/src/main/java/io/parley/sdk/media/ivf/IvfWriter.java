package io.parley.sdk.media.ivf;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an IVF file: the {@link IvfHeader} first, then each frame behind its 12-byte header. The
 * header's frame count is what the caller gave; {@link io.parley.sdk.media.IvfFileSink} patches
 * it on close, when it knows.
 */
public final class IvfWriter implements AutoCloseable {
    private final OutputStream out;
    private final byte[] frameHeader = new byte[IvfFrame.HEADER_LENGTH];
    private long frames;

    /** Writes {@code header} at once. */
    public IvfWriter(OutputStream out, IvfHeader header) throws IOException {
        this.out = out;
        out.write(header.toBytes());
    }

    /** Writes one frame with timestamp {@code pts} in the header's time base. */
    public void writeFrame(byte[] data, int offset, int length, long pts) throws IOException {
        IvfHeader.putLe(frameHeader, 0, length, 4);
        IvfHeader.putLe(frameHeader, 4, pts, 8);
        out.write(frameHeader);
        out.write(data, offset, length);
        frames++;
    }

    /** Frames written so far. */
    public long frames() {
        return frames;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
