package io.parley.wire.rtcp;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;
import java.nio.charset.StandardCharsets;

/**
 * A view over an RTCP source description packet, RFC 3550 §6.5, and a cursor over its SC chunks
 * and their items (§6.5.1 CNAME to §6.5.8 PRIV). Each chunk is an SSRC/CSRC followed by items of
 * type, length and text, ended by a null octet (END) and padded with null octets to 32 bits.
 *
 * <pre>
 * while (sdes.nextChunk()) {
 *     long ssrc = sdes.chunkSsrc();
 *     while (sdes.nextItem()) { ... sdes.itemType(), sdes.itemOffset(), sdes.itemLength() ... }
 * }
 * </pre>
 */
public final class SourceDescription extends RtcpPacket {
    public static final int END = 0;
    public static final int CNAME = 1;
    public static final int NAME = 2;
    public static final int EMAIL = 3;
    public static final int PHONE = 4;
    public static final int LOC = 5;
    public static final int TOOL = 6;
    public static final int NOTE = 7;
    public static final int PRIV = 8;

    private int chunksLeft;
    private int nextChunk;
    private int chunkSsrcOffset = -1;
    private int nextItem;
    private int itemOffset;
    private boolean inItems;

    public SourceDescription() {
        super(RtcpHeader.PT_SDES, "RTCP SDES");
    }

    @Override
    protected void parseBody() throws WireFormatException {
        int pos = offset + RtcpHeader.SIZE;
        for (int chunk = 0; chunk < count(); chunk++) {
            RtcpChecks.require(pos, 4, contentEnd, name(), "chunk %d SSRC", chunk);
            pos += 4;
            while (true) {
                RtcpChecks.require(pos, 1, contentEnd, name(), "chunk %d item type (no END)", chunk);
                if (Bytes.u8(buf, pos) == END) {
                    pos = afterEnd(pos);
                    if (pos > contentEnd) {
                        throw new WireFormatException(name() + ": chunk " + chunk + " padding runs past the packet");
                    }
                    break;
                }
                RtcpChecks.require(pos, 2, contentEnd, name(), "chunk %d item header", chunk);
                RtcpChecks.require(pos + 2, Bytes.u8(buf, pos + 1), contentEnd, name(), "chunk %d item text", chunk);
                pos += 2 + Bytes.u8(buf, pos + 1);
            }
        }
        if (pos != contentEnd) {
            throw new WireFormatException(name() + ": " + (contentEnd - pos) + " bytes after the last of "
                    + count() + " chunks");
        }
        rewind();
    }

    /** The first chunk boundary after the END octet at {@code endOctet}: chunks pad to 32 bits. */
    private int afterEnd(int endOctet) {
        return offset + Bytes.pad4(endOctet + 1 - offset);
    }

    /** Goes back to before the first chunk. */
    public void rewind() {
        chunksLeft = count();
        nextChunk = offset + RtcpHeader.SIZE;
        chunkSsrcOffset = -1;
        inItems = false;
    }

    /** Advances to the next chunk, skipping the rest of the current one; false after the last. */
    public boolean nextChunk() {
        while (inItems) {
            nextItem();
        }
        if (chunksLeft == 0) {
            chunkSsrcOffset = -1;
            return false;
        }
        chunksLeft--;
        chunkSsrcOffset = nextChunk;
        nextItem = nextChunk + 4;
        inItems = true;
        return true;
    }

    /** The SSRC or CSRC the current chunk describes. */
    public long chunkSsrc() {
        return Bytes.u32(buf, chunkSsrcOffset);
    }

    /** Advances to the next item of the current chunk; false at its END. */
    public boolean nextItem() {
        if (!inItems) {
            return false;
        }
        int type = Bytes.u8(buf, nextItem);
        if (type == END) {
            inItems = false;
            nextChunk = afterEnd(nextItem);
            return false;
        }
        itemOffset = nextItem;
        nextItem += 2 + Bytes.u8(buf, nextItem + 1);
        return true;
    }

    /** The current item's type, e.g. {@link #CNAME}. */
    public int itemType() {
        return Bytes.u8(buf, itemOffset);
    }

    /** Where the current item's text starts in the buffer. */
    public int itemOffset() {
        return itemOffset + 2;
    }

    /** The current item's text length in bytes (0 to 255). */
    public int itemLength() {
        return Bytes.u8(buf, itemOffset + 1);
    }

    /** The current item's text decoded as UTF-8 (RFC 3550 §6.5); allocates, so not for the packet path. */
    public String itemText() {
        return new String(buf, itemOffset(), itemLength(), StandardCharsets.UTF_8);
    }
}
