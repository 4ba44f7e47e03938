package io.parley.sdk.rtc;

import io.parley.wire.rtcp.ReportBlock;

/**
 * Reception statistics of one received RTP source as RFC 3550 §6.4.1 and Appendix A.3 define
 * them: packets and bytes received, the extended highest sequence number, the packets expected
 * and lost, the fraction lost since the last report, and the LSR/DLSR echo of the sender's last
 * SR. The caller serializes access (the play's lock).
 */
final class ReceiveStats {
    private long ssrc = -1;
    private long packets;
    private long bytes;
    private long frames;
    private int baseSeq;
    private long cycles;
    private int maxSeq;
    private long expectedPrior;
    private long receivedPrior;
    private long lastSrMiddle;
    private long lastSrNanos;

    /** Counts a packet; returns true for the very first. */
    boolean received(byte[] buf, int off, int len, long arrivalNanos) {
        if (len < 12) {
            return false;
        }
        int seq = ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
        long packetSsrc = ((buf[off + 8] & 0xFFL) << 24) | ((buf[off + 9] & 0xFF) << 16) | ((buf[off + 10] & 0xFF) << 8)
                | (buf[off + 11] & 0xFF);
        boolean marker = (buf[off + 1] & 0x80) != 0;
        boolean first = packets == 0;
        if (packetSsrc != ssrc) {
            // A new source (the server changed the slot's SSRC): the statistics start over.
            ssrc = packetSsrc;
            baseSeq = seq;
            maxSeq = seq;
            cycles = 0;
            expectedPrior = 0;
            receivedPrior = 0;
            packets = 0;
        } else {
            int delta = (seq - maxSeq) & 0xFFFF;
            if (delta < 0x8000) {
                if (seq < maxSeq) {
                    cycles += 0x10000;
                }
                maxSeq = seq;
            }
        }
        packets++;
        bytes += len;
        // Audio: one Opus packet is one frame; video: the marker ends a frame (RFC 7741 §4.1).
        if (marker) {
            frames++;
        }
        return first;
    }

    long ssrc() {
        return ssrc;
    }

    long packets() {
        return packets;
    }

    long bytes() {
        return bytes;
    }

    long frames() {
        return frames;
    }

    /** Packets expected from the first sequence number to the highest (RFC 3550 A.3). */
    long expected() {
        return packets == 0 ? 0 : cycles + maxSeq - baseSeq + 1;
    }

    /** The sender's SR arrived: remember its middle NTP bits for LSR (RFC 3550 §6.4.1). */
    void senderReport(long ntp) {
        lastSrMiddle = NtpTime.middle(ntp);
        lastSrNanos = System.nanoTime();
    }

    /** Writes a report block about this source and moves the "prior" counters on (RFC 3550 A.3). */
    int writeBlock(byte[] b, int off) {
        long expected = expected();
        long lost = expected - packets;
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = packets - receivedPrior;
        expectedPrior = expected;
        receivedPrior = packets;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long dlsr = lastSrNanos == 0 ? 0 : NtpTime.units(System.nanoTime() - lastSrNanos);
        return ReportBlock.write(b, off, ssrc, Math.min(255, fraction), (int) lost, (cycles + maxSeq) & 0xFFFF_FFFFL, 0,
                lastSrMiddle, dlsr & 0xFFFF_FFFFL);
    }
}
