package io.parley.wire.rtcp;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * A view over a transport-wide congestion control feedback message,
 * draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1: transport-layer feedback (PT 205) with
 * FMT 15 whose FCI holds the base sequence number, the packet status count, a 24-bit signed reference
 * time in 64 ms units, the feedback packet count, packet status chunks (§3.1.3 run length, §3.1.4
 * status vector with 1-bit or 2-bit symbols) and then one receive delta per received packet (§3.1.5:
 * 1 unsigned byte for a small delta, 2 signed bytes for a large or negative one, both in 250 µs units).
 *
 * <p>The cursor ({@link #next()}) walks every reported packet as (sequence number, status, delta)
 * without allocating. Symbol 11 is reserved by §3.1.1 and rejected, as libwebrtc does, although the
 * draft's §3.1.3 and §3.1.4 examples still use it with the meaning "received without delta" of an
 * earlier revision. Up to 3 bytes of zero padding after the last delta are accepted.
 */
public final class TransportFeedback extends FeedbackPacket {
    public static final int FMT = 15;
    /** Status symbol: packet not received. */
    public static final int NOT_RECEIVED = 0;
    /** Status symbol: packet received, delta in one unsigned byte. */
    public static final int SMALL_DELTA = 1;
    /** Status symbol: packet received, delta in two signed bytes. */
    public static final int LARGE_DELTA = 2;
    /** The unit of the reference time, in microseconds. */
    public static final long REFERENCE_TIME_UNIT_MICROS = 64_000;
    /** The unit of a receive delta, in microseconds. */
    public static final long DELTA_UNIT_MICROS = 250;

    private static final int CHUNKS = FCI + 8;
    private static final int RUN_LENGTH = 0;
    private static final int ONE_BIT = 1;
    private static final int TWO_BIT = 2;

    private int deltasStart;
    private int chunkPos;
    private int chunk;
    private int chunkKind;
    private int symbolIndex;
    private int symbolsLeft;
    private int deltaPos;
    private int index;
    private int status;
    private int delta;
    private long time250;

    public TransportFeedback() {
        super(RtcpHeader.PT_RTPFB, FMT, "RTCP transport-cc");
    }

    @Override
    protected void parseFci(int fci, int end) throws WireFormatException {
        RtcpChecks.require(fci, 8, end, name(), "base sequence number, status count, reference time");
        int remaining = Bytes.u16(buf, fci + 2);
        int pos = offset + CHUNKS;
        int deltaBytes = 0;
        while (remaining > 0) {
            if (pos + 2 > end) {
                throw new WireFormatException(name() + ": packet status count " + statusCount()
                        + " needs more packet chunks than the packet holds (" + remaining + " statuses missing)");
            }
            int c = Bytes.u16(buf, pos);
            pos += 2;
            int kind = kindOf(c);
            int covered = Math.min(remaining, capacity(kind, c));
            if (kind == RUN_LENGTH) {
                deltaBytes += covered * checkedSymbol(run(c));
            } else {
                for (int i = 0; i < covered; i++) {
                    deltaBytes += checkedSymbol(symbol(kind, c, i));
                }
            }
            remaining -= covered;
        }
        deltasStart = pos;
        if (deltaBytes > end - pos) {
            throw new WireFormatException(name() + ": receive deltas missing, need " + deltaBytes
                    + " bytes, have " + (end - pos));
        }
        if (end - pos - deltaBytes > 3) {
            throw new WireFormatException(name() + ": " + (end - pos - deltaBytes)
                    + " bytes after the receive deltas, more than padding to 32 bits");
        }
        rewind();
    }

    private int checkedSymbol(int symbol) throws WireFormatException {
        if (symbol == 3) {
            throw new WireFormatException(name() + ": reserved packet status symbol 11");
        }
        return symbol;
    }

    private static int kindOf(int c) {
        if ((c & 0x8000) == 0) {
            return RUN_LENGTH;
        }
        return (c & 0x4000) == 0 ? ONE_BIT : TWO_BIT;
    }

    private static int capacity(int kind, int c) {
        return kind == RUN_LENGTH ? c & 0x1FFF : kind == ONE_BIT ? 14 : 7;
    }

    private static int run(int c) {
        return (c >>> 13) & 3;
    }

    private static int symbol(int kind, int c, int i) {
        return kind == ONE_BIT ? (c >>> (13 - i)) & 1 : (c >>> (12 - 2 * i)) & 3;
    }

    public int baseSequence() {
        return Bytes.u16(buf, offset + FCI);
    }

    public int statusCount() {
        return Bytes.u16(buf, offset + FCI + 2);
    }

    /** The reference time in 64 ms units, a signed 24-bit value. */
    public int referenceTime() {
        return (Bytes.u24(buf, offset + FCI + 4) << 8) >> 8;
    }

    /** The feedback packet count, which lets the media sender detect lost feedback. */
    public int feedbackPacketCount() {
        return Bytes.u8(buf, offset + FCI + 7);
    }

    /** Goes back to before the first reported packet. */
    public void rewind() {
        chunkPos = offset + CHUNKS;
        symbolsLeft = 0;
        deltaPos = deltasStart;
        index = 0;
        time250 = (long) referenceTime() * (REFERENCE_TIME_UNIT_MICROS / DELTA_UNIT_MICROS);
    }

    /** Advances to the next reported packet; false after {@link #statusCount()} packets. */
    public boolean next() {
        if (index >= statusCount()) {
            return false;
        }
        while (symbolsLeft == 0) {
            chunk = Bytes.u16(buf, chunkPos);
            chunkPos += 2;
            chunkKind = kindOf(chunk);
            symbolsLeft = capacity(chunkKind, chunk);
            symbolIndex = 0;
        }
        status = chunkKind == RUN_LENGTH ? run(chunk) : symbol(chunkKind, chunk, symbolIndex);
        symbolIndex++;
        symbolsLeft--;
        index++;
        if (status == SMALL_DELTA) {
            delta = Bytes.u8(buf, deltaPos);
            deltaPos++;
        } else if (status == LARGE_DELTA) {
            delta = (short) Bytes.u16(buf, deltaPos);
            deltaPos += 2;
        } else {
            delta = 0;
        }
        time250 += delta;
        return true;
    }

    /** The transport-wide sequence number of the current packet. */
    public int sequenceNumber() {
        return (baseSequence() + index - 1) & 0xFFFF;
    }

    /** {@link #NOT_RECEIVED}, {@link #SMALL_DELTA} or {@link #LARGE_DELTA}. */
    public int status() {
        return status;
    }

    public boolean received() {
        return status != NOT_RECEIVED;
    }

    /** The receive delta in 250 µs units from the previous received packet (from the reference time for the first); 0 when not received. */
    public int delta() {
        return delta;
    }

    /** The current packet's arrival time in µs on the feedback sender's clock: reference time plus the deltas so far. */
    public long arrivalTimeMicros() {
        return time250 * DELTA_UNIT_MICROS;
    }
}
