package io.parley.wire.codec;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * A cursor over the NAL units of an H.264 STAP-A (RFC 6184 §5.7.1): after the STAP-A header,
 * each unit is a 16-bit size followed by that many bytes. {@link #wrap} checks every size once;
 * {@link #next} then walks the units without checks or allocation. {@link #writeUnit} builds one.
 */
public final class StapAReader {
    private byte[] buf;
    private int start;
    private int end;
    private int pos;
    private int unitOffset;
    private int unitLength;
    private int count;

    StapAReader wrap(byte[] buf, int offset, int length) throws WireFormatException {
        int e = offset + length;
        int p = offset + 1;
        int n = 0;
        if (p == e) {
            throw new WireFormatException("H.264 STAP-A: no NAL units");
        }
        while (p < e) {
            Bytes.require(p, 2, e, "H.264 STAP-A NAL unit size");
            int size = Bytes.u16(buf, p);
            if (size == 0) {
                throw new WireFormatException("H.264 STAP-A: NAL unit " + n + " has size 0");
            }
            Bytes.require(p + 2, size, e, "H.264 STAP-A NAL unit " + n);
            if (!H264Payload.isSingle(H264Nal.type(buf[p + 2]))) {
                throw new WireFormatException("H.264 STAP-A: NAL unit " + n + " has type " + H264Nal.type(buf[p + 2]));
            }
            p += 2 + size;
            n++;
        }
        this.buf = buf;
        this.start = offset + 1;
        this.end = e;
        this.count = n;
        return rewind();
    }

    /** Empties the cursor, so that a payload that is not a STAP-A never shows a former packet's units. */
    void clear() {
        buf = null;
        start = 0;
        end = 0;
        count = 0;
        rewind();
    }

    StapAReader rewind() {
        pos = start;
        unitOffset = -1;
        unitLength = 0;
        return this;
    }

    /** Moves to the next unit; false after the last. */
    public boolean next() {
        if (pos >= end) {
            return false;
        }
        unitLength = Bytes.u16(buf, pos);
        unitOffset = pos + 2;
        pos = unitOffset + unitLength;
        return true;
    }

    /** Absolute index of the current unit's NAL header byte. */
    public int unitOffset() {
        return unitOffset;
    }

    /** Length of the current unit, header included. */
    public int unitLength() {
        return unitLength;
    }

    /** How many units the STAP-A holds. */
    public int count() {
        return count;
    }

    /** Writes the STAP-A header byte: F is the OR of the units' F bits and NRI their maximum (§5.7.1). */
    public static void writeHeader(byte[] dst, int off, boolean f, int nri) {
        dst[off] = (byte) H264Nal.header(f, nri, H264Nal.STAP_A);
    }

    /** Appends one unit (size then bytes) at {@code dst[off]}; returns the bytes written. */
    public static int writeUnit(byte[] dst, int off, byte[] src, int srcOff, int len) {
        Bytes.put16(dst, off, len);
        System.arraycopy(src, srcOff, dst, off + 2, len);
        return 2 + len;
    }
}
