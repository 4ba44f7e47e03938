package io.parley.wire.rtcp;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;

/**
 * A view over a receiver estimated maximum bitrate message, draft-alvestrand-rmcat-remb-03 §2.2:
 * payload-specific feedback (PT 206) with FMT 15 (application layer feedback), media SSRC 0, and an
 * FCI of the ASCII identifier "REMB", the number of SSRCs, the bitrate as a 6-bit exponent and an
 * 18-bit mantissa (bits per second = mantissa &lt;&lt; exponent), and the SSRCs the estimate applies to.
 * Other application layer feedback shares PT 206 and FMT 15; it fails {@code wrap} on the
 * identifier, and a receiver skips it.
 */
public final class ReceiverEstimatedMaxBitrate extends FeedbackPacket {
    public static final int FMT = 15;
    /** "REMB" as a big-endian int. */
    public static final int IDENTIFIER = 0x52454D42;
    private static final int MAX_MANTISSA = (1 << 18) - 1;

    private long bitrate;

    public ReceiverEstimatedMaxBitrate() {
        super(RtcpHeader.PT_PSFB, FMT, "RTCP REMB");
    }

    @Override
    protected void parseFci(int fci, int end) throws WireFormatException {
        RtcpChecks.require(fci, 8, end, name(), "identifier, SSRC count and bitrate");
        if (Bytes.i32(buf, fci) != IDENTIFIER) {
            throw new WireFormatException(name() + ": identifier 0x" + Integer.toHexString(Bytes.i32(buf, fci))
                    + ", expected 'REMB'");
        }
        int ssrcs = Bytes.u8(buf, fci + 4);
        if (fci + 8 + 4 * ssrcs != end) {
            throw new WireFormatException(name() + ": " + ssrcs + " SSRCs need " + (4 * ssrcs)
                    + " bytes, the packet has " + (end - fci - 8));
        }
        int exponent = Bytes.u8(buf, fci + 5) >>> 2;
        long mantissa = Bytes.u24(buf, fci + 5) & MAX_MANTISSA;
        if (mantissa != 0 && exponent >= Long.numberOfLeadingZeros(mantissa)) {
            throw new WireFormatException(name() + ": bitrate " + mantissa + " << " + exponent
                    + " does not fit 63 bits");
        }
        bitrate = mantissa << exponent;
    }

    /** The estimated maximum bitrate in bits per second. */
    public long bitrate() {
        return bitrate;
    }

    public int ssrcCount() {
        return Bytes.u8(buf, offset + FCI + 4);
    }

    /** SSRC {@code index} of the feedback list. */
    public long ssrc(int index) {
        if (index < 0 || index >= ssrcCount()) {
            throw new IndexOutOfBoundsException("REMB SSRC " + index + " of " + ssrcCount());
        }
        return Bytes.u32(buf, offset + FCI + 8 + 4 * index);
    }

    /**
     * Writes a REMB for the first {@code count} of {@code ssrcs} and returns its length. The bitrate
     * takes the smallest exponent whose mantissa fits 18 bits, rounding down, so the estimate sent
     * never exceeds the one computed.
     */
    public static int write(byte[] b, int off, long senderSsrc, long bitrate, long[] ssrcs, int count) {
        if (bitrate < 0 || count < 0 || count > 255) {
            throw new IllegalArgumentException("RTCP REMB: bitrate " + bitrate + ", " + count + " SSRCs");
        }
        int exponent = 0;
        while ((bitrate >>> exponent) > MAX_MANTISSA) {
            exponent++;
        }
        int fci = off + writeHeader(b, off, FMT, RtcpHeader.PT_PSFB, FCI + 8 + 4 * count, senderSsrc, 0);
        Bytes.put32(b, fci, IDENTIFIER);
        Bytes.put8(b, fci + 4, count);
        Bytes.put24(b, fci + 5, (exponent << 18) | (int) (bitrate >>> exponent));
        for (int i = 0; i < count; i++) {
            Bytes.put32(b, fci + 8 + 4 * i, ssrcs[i]);
        }
        return FCI + 8 + 4 * count;
    }
}
