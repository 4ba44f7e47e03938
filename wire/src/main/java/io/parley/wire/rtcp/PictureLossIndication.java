package io.parley.wire.rtcp;

import io.parley.wire.WireFormatException;

/**
 * A view over a picture loss indication, RFC 4585 §6.3.1: payload-specific feedback (PT 206) with
 * FMT 1 and no FCI, so its length field is always 2.
 */
public final class PictureLossIndication extends FeedbackPacket {
    public static final int FMT = 1;
    /** The size of a PLI in bytes. */
    public static final int SIZE = FCI;

    public PictureLossIndication() {
        super(RtcpHeader.PT_PSFB, FMT, "RTCP PLI");
    }

    @Override
    protected void parseFci(int fci, int end) throws WireFormatException {
        if (end != fci) {
            throw new WireFormatException(name() + ": " + (end - fci) + " bytes of FCI, a PLI has none");
        }
    }

    /** Writes a PLI asking {@code mediaSsrc} for a new picture and returns its length. */
    public static int write(byte[] b, int off, long senderSsrc, long mediaSsrc) {
        return writeHeader(b, off, FMT, RtcpHeader.PT_PSFB, SIZE, senderSsrc, mediaSsrc);
    }
}
