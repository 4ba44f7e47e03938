package io.parley.bench.janus;

/**
 * Reads just enough of an RTCP compound packet (RFC 3550 §6.1) to see a key frame request:
 * payload-specific feedback (PT 206) with FMT 1, PLI (RFC 4585 §6.3.1), or FMT 4, FIR
 * (RFC 5104 §4.3.1). A malformed compound stops the walk; it never throws.
 */
final class RtcpFeedback {
    private static final int PSFB = 206;

    private RtcpFeedback() {
    }

    static boolean asksForKeyframe(byte[] buf, int off, int len) {
        int end = off + len;
        int p = off;
        while (p + 4 <= end) {
            if ((buf[p] & 0xC0) != 0x80) {
                return false;
            }
            int fmt = buf[p] & 0x1F;
            int pt = buf[p + 1] & 0xFF;
            int words = ((buf[p + 2] & 0xFF) << 8) | (buf[p + 3] & 0xFF);
            int next = p + 4 + words * 4;
            if (next > end) {
                return false;
            }
            if (pt == PSFB && (fmt == 1 || fmt == 4)) {
                return true;
            }
            p = next;
        }
        return false;
    }
}
