package io.parley.wire.rtcp;

import io.parley.wire.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * Writes an RTCP source description packet (RFC 3550 §6.5) into a caller's buffer, chunk by chunk:
 * {@code start}, then per source {@code chunk(ssrc)} and its {@code item}s, then {@code finish},
 * which ends the last chunk with END and null padding and fills in the header. Reusable.
 */
public final class SdesWriter {
    private byte[] buf;
    private int start;
    private int pos;
    private int chunks;
    private boolean inChunk;

    /** Begins a packet at {@code offset}. */
    public SdesWriter start(byte[] buf, int offset) {
        this.buf = buf;
        this.start = offset;
        this.pos = offset + RtcpHeader.SIZE;
        this.chunks = 0;
        this.inChunk = false;
        return this;
    }

    /** Begins the chunk describing {@code ssrc}, ending the previous one. */
    public SdesWriter chunk(long ssrc) {
        if (chunks == 31) {
            throw new IllegalStateException("RTCP SDES: 31 chunks is the most the SC field can count");
        }
        endChunk();
        Bytes.put32(buf, pos, ssrc);
        pos += 4;
        chunks++;
        inChunk = true;
        return this;
    }

    /** Adds an item to the current chunk; {@code type} is one of {@link SourceDescription#CNAME} etc. */
    public SdesWriter item(int type, byte[] text, int textOffset, int textLength) {
        if (!inChunk) {
            throw new IllegalStateException("RTCP SDES: item before chunk");
        }
        if (type <= SourceDescription.END || type > 255 || textLength < 0 || textLength > 255) {
            throw new IllegalArgumentException("RTCP SDES: item type " + type + " length " + textLength);
        }
        buf[pos] = (byte) type;
        buf[pos + 1] = (byte) textLength;
        System.arraycopy(text, textOffset, buf, pos + 2, textLength);
        pos += 2 + textLength;
        return this;
    }

    /** Adds an item whose text is {@code text} in UTF-8. */
    public SdesWriter item(int type, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return item(type, bytes, 0, bytes.length);
    }

    /** Ends the last chunk, writes the header and returns the packet's length. */
    public int finish() {
        endChunk();
        RtcpHeader.write(buf, start, chunks, RtcpHeader.PT_SDES, pos - start);
        return pos - start;
    }

    private void endChunk() {
        if (!inChunk) {
            return;
        }
        int end = start + Bytes.pad4(pos + 1 - start);
        while (pos < end) {
            buf[pos++] = 0;
        }
        inChunk = false;
    }
}
