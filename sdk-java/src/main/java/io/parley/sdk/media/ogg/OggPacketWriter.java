package io.parley.sdk.media.ogg;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes one logical Ogg stream (RFC 3533 §5-6): packets are laced into pages of up to 255 segments
 * (a packet longer than a page goes on with the continued flag), each page gets the granule of its
 * last finished packet, -1 when none finishes on it. {@link #flushPage()} ends a page where a codec
 * mapping wants one (RFC 7845 §3: the ID header alone on the first page, the comment header on its
 * own pages); {@link #close()} writes the last page with the end-of-stream flag.
 */
public final class OggPacketWriter implements AutoCloseable {
    /** Pages of audio are cut near this many body bytes, about a second of Opus at 32 kbit/s. */
    private static final int TARGET_PAGE_BODY = 4096;

    private final OutputStream out;
    private final long serial;
    private final int[] lacing = new int[255];
    private byte[] body = new byte[8192];
    private int segments;
    private int bodyLength;
    private long pageGranule = -1;
    private long sequence;
    private boolean continued;
    private boolean started;
    private boolean closed;
    private long lastGranule;

    /** @param serial the logical stream's serial number (RFC 3533 §6), the low 32 bits are used */
    public OggPacketWriter(OutputStream out, long serial) {
        this.out = out;
        this.serial = serial & 0xFFFF_FFFFL;
    }

    /**
     * Adds a packet that ends at {@code granule}. The page it lands on is written once it is full,
     * on {@link #flushPage()} or on {@link #close()}.
     */
    public void writePacket(byte[] data, int offset, int length, long granule) throws IOException {
        if (closed) {
            throw new IllegalStateException("Ogg stream already closed");
        }
        int needed = length / 255 + 1;
        if (segments > 0 && (segments + needed > 255 || bodyLength + length > TARGET_PAGE_BODY)) {
            writePage(false);
        }
        int left = length;
        int at = offset;
        while (true) {
            int chunk = Math.min(255, left);
            addSegment(data, at, chunk);
            at += chunk;
            left -= chunk;
            if (chunk < 255) {
                break;
            }
            if (segments == 255) { // the packet goes on past this page
                writePage(false);
                continued = true;
            }
        }
        pageGranule = granule;
        lastGranule = granule;
    }

    private void addSegment(byte[] data, int offset, int length) {
        if (bodyLength + length > body.length) {
            body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + length));
        }
        System.arraycopy(data, offset, body, bodyLength, length);
        bodyLength += length;
        lacing[segments++] = length;
    }

    /** Ends the current page now, if it holds anything. */
    public void flushPage() throws IOException {
        if (segments > 0) {
            writePage(false);
        }
    }

    private void writePage(boolean eos) throws IOException {
        int flags = (continued ? OggPage.CONTINUED : 0) | (started ? 0 : OggPage.BEGINNING_OF_STREAM)
                | (eos ? OggPage.END_OF_STREAM : 0);
        OggPage page = new OggPage(flags, pageGranule, serial, sequence, Arrays.copyOf(lacing, segments),
                Arrays.copyOf(body, bodyLength));
        out.write(page.toBytes());
        sequence = (sequence + 1) & 0xFFFF_FFFFL;
        started = true;
        continued = false;
        segments = 0;
        bodyLength = 0;
        pageGranule = -1;
    }

    /** Pages written so far. */
    public long pagesWritten() {
        return sequence;
    }

    /** Writes what is pending as the end-of-stream page and closes the output. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (segments == 0) {
                // Everything went out already: an empty end-of-stream page marks the end (RFC 3533 §6 allows 0 segments).
                pageGranule = lastGranule;
            }
            writePage(true);
            out.flush();
        } finally {
            out.close();
        }
    }
}
