package io.parley.wire.codec;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * An H.264 RTP payload of RFC 6184 in non-interleaved mode as a re-pointable view: a single NAL
 * unit (§5.6), a STAP-A (§5.7.1, whose units {@link #units} walks) or an FU-A (§5.8, with its S
 * and E bits and the fragmented unit's type). {@link #wrap} checks the whole structure once, so
 * reads after it cannot fail; nothing allocates.
 */
public final class H264Payload {
    private final StapAReader units = new StapAReader();
    private byte[] buf;
    private int offset;
    private int length;
    private int header;
    private int fuHeader;

    /**
     * Points this view at an RTP payload and checks it.
     *
     * @throws WireFormatException when the payload is empty, truncated, a STAP-A's sizes do not add
     *                             up, or its type is one that non-interleaved mode does not carry
     *                             (0, 25..27, 29..31)
     */
    public H264Payload wrap(byte[] buf, int offset, int length) throws WireFormatException {
        Bytes.checkRange(buf, offset, length, "H.264 payload");
        Bytes.require(offset, 1, offset + length, "H.264 NAL unit header");
        int h = buf[offset] & 0xFF;
        int type = H264Nal.type(h);
        units.clear();
        if (type == H264Nal.STAP_A) {
            units.wrap(buf, offset, length);
        } else if (type == H264Nal.FU_A) {
            Bytes.require(offset, 3, offset + length, "H.264 FU-A");
            int fu = buf[offset + 1] & 0xFF;
            if ((fu & 0xC0) == 0xC0) {
                throw new WireFormatException("H.264 FU-A: S and E both set");
            }
            if (!isSingle(H264Nal.type(fu))) {
                throw new WireFormatException("H.264 FU-A: fragmented type " + H264Nal.type(fu) + " is not 1..23");
            }
            fuHeader = fu;
        } else if (!isSingle(type)) {
            throw new WireFormatException("H.264: NAL unit type " + type + " is not carried in non-interleaved mode");
        }
        this.buf = buf;
        this.offset = offset;
        this.length = length;
        this.header = h;
        return this;
    }

    static boolean isSingle(int type) {
        return type >= 1 && type <= 23;
    }

    /** The payload's own NAL unit header byte (for STAP-A and FU-A, the aggregate's or the indicator). */
    public int header() {
        return header;
    }

    /** The payload's type: 1..23, {@link H264Nal#STAP_A} or {@link H264Nal#FU_A}. */
    public int type() {
        return H264Nal.type(header);
    }

    public boolean isStapA() {
        return type() == H264Nal.STAP_A;
    }

    public boolean isFuA() {
        return type() == H264Nal.FU_A;
    }

    /** FU-A S bit: this fragment starts the NAL unit. */
    public boolean fuStart() {
        return isFuA() && (fuHeader & 0x80) != 0;
    }

    /** FU-A E bit: this fragment ends the NAL unit. */
    public boolean fuEnd() {
        return isFuA() && (fuHeader & 0x40) != 0;
    }

    /** FU-A: the type of the fragmented NAL unit; otherwise {@link #type()}. */
    public int fuType() {
        return isFuA() ? H264Nal.type(fuHeader) : type();
    }

    /**
     * The reconstructed header of the fragmented NAL unit (F and NRI from the FU indicator, type from
     * the FU header, RFC 6184 §5.8), which a depacketizer puts before the first fragment's data.
     */
    public int fuNalHeader() {
        return (header & 0xE0) | H264Nal.type(fuHeader);
    }

    /** The units of a STAP-A, rewound to the first; none for any other payload. */
    public StapAReader units() {
        return units.rewind();
    }

    /**
     * A keyframe starts here: a single IDR or SPS unit, a STAP-A holding one, or the first fragment
     * (S=1) of one.
     */
    public boolean isKeyframe() {
        int type = type();
        if (isSingle(type)) {
            return H264Nal.startsKeyframe(type);
        }
        if (type == H264Nal.FU_A) {
            return fuStart() && H264Nal.startsKeyframe(fuType());
        }
        StapAReader r = units();
        while (r.next()) {
            if (H264Nal.startsKeyframe(H264Nal.type(buf[r.unitOffset()]))) {
                return true;
            }
        }
        return false;
    }

    /** The bytes after the FU-A's two header bytes, or after a single unit's header. */
    public int dataOffset() {
        return offset + (isFuA() ? 2 : 1);
    }

    public int dataLength() {
        return length - (isFuA() ? 2 : 1);
    }

    /** Writes the two FU-A header bytes (indicator and FU header) for a unit with header {@code nalHeader}. */
    public static void writeFuAHeader(byte[] dst, int off, int nalHeader, boolean start, boolean end) {
        dst[off] = (byte) ((nalHeader & 0xE0) | H264Nal.FU_A);
        dst[off + 1] = (byte) ((start ? 0x80 : 0) | (end ? 0x40 : 0) | H264Nal.type(nalHeader));
    }
}
