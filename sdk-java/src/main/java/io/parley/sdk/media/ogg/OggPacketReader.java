package io.parley.sdk.media.ogg;

import io.parley.sdk.media.MediaFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * Reads the packets of the first logical stream of an Ogg file (RFC 3533 §5-6): pages are read and
 * checked one at a time, packets are joined across segments and pages, pages of other streams
 * (other serial numbers) are skipped, and a gap in page sequence numbers is an error, as a
 * recording that lost pages would play with a jump.
 */
public final class OggPacketReader implements AutoCloseable {
    private final InputStream in;
    private final ArrayDeque<OggPacket> ready = new ArrayDeque<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long serial = -1;
    private long nextSequence;
    private boolean ended;

    public OggPacketReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next packet, or null at the end of the stream.
     *
     * @throws MediaFormatException when a page is malformed, a page is missing, or the stream
     *                              ends inside a packet
     */
    public OggPacket next() throws IOException {
        while (ready.isEmpty()) {
            if (ended) {
                return null;
            }
            OggPage page = OggPage.read(in);
            if (page == null) {
                if (serial < 0) {
                    throw new MediaFormatException("ogg.empty", "no Ogg page in the stream");
                }
                if (partial.size() > 0) {
                    throw new MediaFormatException("ogg.truncated", "stream ends inside a packet");
                }
                ended = true;
                return null;
            }
            take(page);
        }
        return ready.poll();
    }

    private void take(OggPage page) throws MediaFormatException {
        if (serial < 0) {
            if ((page.flags() & OggPage.BEGINNING_OF_STREAM) == 0) {
                throw new MediaFormatException("ogg.bos", "the first page is not a beginning-of-stream page");
            }
            serial = page.serial();
            nextSequence = page.sequence();
        } else if (page.serial() != serial) {
            return; // another logical stream multiplexed in: not ours
        }
        if (page.sequence() != nextSequence) {
            throw new MediaFormatException("ogg.sequence", "page " + page.sequence() + " where " + nextSequence
                    + " was due");
        }
        nextSequence = (nextSequence + 1) & 0xFFFF_FFFFL;
        boolean continued = (page.flags() & OggPage.CONTINUED) != 0;
        if (continued != (partial.size() > 0)) {
            throw new MediaFormatException("ogg.continued", "page " + page.sequence()
                    + (continued ? " continues a packet that was not begun" : " drops the end of a packet"));
        }
        int[] lacing = page.lacing();
        int lastEnd = -1;
        for (int i = 0; i < lacing.length; i++) {
            if (lacing[i] < 255) {
                lastEnd = i;
            }
        }
        int at = 0;
        for (int i = 0; i < lacing.length; i++) {
            partial.write(page.body(), at, lacing[i]);
            at += lacing[i];
            if (lacing[i] < 255) {
                boolean last = i == lastEnd;
                boolean eos = last && (page.flags() & OggPage.END_OF_STREAM) != 0;
                ready.add(new OggPacket(partial.toByteArray(), last ? page.granule() : -1, eos));
                partial.reset();
            }
        }
        if ((page.flags() & OggPage.END_OF_STREAM) != 0) {
            if (partial.size() > 0) {
                throw new MediaFormatException("ogg.truncated", "end-of-stream page ends inside a packet");
            }
            ended = true;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
