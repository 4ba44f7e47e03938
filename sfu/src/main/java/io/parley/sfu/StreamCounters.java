package io.parley.sfu;

/**
 * What one published stream received from its publisher and sent back to it, as plain long fields
 * a metrics layer reads from any thread (a read may be a report late; it is never torn on a 64-bit
 * JVM). The RTCP counts are those of RFC 3550 §6.4 and RFC 4585 §6.
 */
public final class StreamCounters {
    long packetsReceived;
    long bytesReceived;
    long malformedRtp;
    long malformedRtcp;
    long unknownSource;
    long duplicates;
    long sourceChanges;
    long keyframes;
    long lostUpstream;
    long recovered;
    long rtxReceived;
    long rtxWithoutOriginal;
    long nacksSent;
    long nackedPackets;
    long nacksGivenUp;
    long plisSent;
    long firsSent;
    long keyframeRequestsMerged;
    long receiverReportsSent;
    long rembsSent;
    long senderReportsReceived;
    long bitrateBps;

    StreamCounters() {
    }

    /** RTP packets received from the publisher, duplicates and malformed ones excluded. */
    public long packetsReceived() {
        return packetsReceived;
    }

    /** Bytes of those packets, headers included. */
    public long bytesReceived() {
        return bytesReceived;
    }

    /** Datagrams given as RTP that did not parse, dropped. */
    public long malformedRtp() {
        return malformedRtp;
    }

    /** RTCP datagrams from the publisher that did not parse, dropped. */
    public long malformedRtcp() {
        return malformedRtcp;
    }

    /** RTP packets whose SSRC and payload type match no track, dropped. */
    public long unknownSource() {
        return unknownSource;
    }

    /** RTP packets received a second time, dropped. */
    public long duplicates() {
        return duplicates;
    }

    /** Times a track's source SSRC changed (a restart or a switch). */
    public long sourceChanges() {
        return sourceChanges;
    }

    /** Packets that start a keyframe. */
    public long keyframes() {
        return keyframes;
    }

    /** Sequence numbers found missing on arrival, before any retransmission. */
    public long lostUpstream() {
        return lostUpstream;
    }

    /** Missing sequence numbers that arrived later (reordered or retransmitted). */
    public long recovered() {
        return recovered;
    }

    /** RTX packets from the publisher, unwrapped into the original they carry. */
    public long rtxReceived() {
        return rtxReceived;
    }

    /** RTX packets with no original to unwrap (padding-only bandwidth probes, or before any media), dropped. */
    public long rtxWithoutOriginal() {
        return rtxWithoutOriginal;
    }

    /** Generic NACK packets sent to the publisher. */
    public long nacksSent() {
        return nacksSent;
    }

    /** Sequence numbers named in them, retries included. */
    public long nackedPackets() {
        return nackedPackets;
    }

    /** Missing sequence numbers dropped after the last retry. */
    public long nacksGivenUp() {
        return nacksGivenUp;
    }

    /** PLIs sent to the publisher. */
    public long plisSent() {
        return plisSent;
    }

    /** FIRs sent to the publisher. */
    public long firsSent() {
        return firsSent;
    }

    /** Keyframe requests from players merged into one already sent or pending. */
    public long keyframeRequestsMerged() {
        return keyframeRequestsMerged;
    }

    /** Receiver reports sent to the publisher. */
    public long receiverReportsSent() {
        return receiverReportsSent;
    }

    /** REMB messages sent to the publisher. */
    public long rembsSent() {
        return rembsSent;
    }

    /** Sender reports received from the publisher. */
    public long senderReportsReceived() {
        return senderReportsReceived;
    }

    /** Bits per second received over the last report interval. */
    public long bitrateBps() {
        return bitrateBps;
    }
}
