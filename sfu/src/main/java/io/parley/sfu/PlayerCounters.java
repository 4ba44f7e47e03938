package io.parley.sfu;

/**
 * What the SFU sent to one player and what the player asked for (the sender's counts of RFC 3550
 * §6.4.1, the feedback of RFC 4585 §6), as plain long fields a metrics layer reads from any thread. A send error or a drop counts here and nowhere else: the other
 * players of the stream never see it.
 */
public final class PlayerCounters {
    long packetsSent;
    long bytesSent;
    long sendErrors;
    long droppedBeforeKeyframe;
    long nacksReceived;
    long nackedPackets;
    long retransmitted;
    long retransmitMisses;
    long plisReceived;
    long firsReceived;
    long malformedRtcp;
    long senderReportsSent;
    long fractionLost;
    long rembBps;
    long bitrateBps;

    PlayerCounters() {
    }

    /** RTP packets handed to the player's leg, retransmissions included. */
    public long packetsSent() {
        return packetsSent;
    }

    /** Bytes of those packets, headers included. */
    public long bytesSent() {
        return bytesSent;
    }

    /** Packets whose leg threw; they count as lost for the player. */
    public long sendErrors() {
        return sendErrors;
    }

    /** Video packets not sent because the player waits for a keyframe. */
    public long droppedBeforeKeyframe() {
        return droppedBeforeKeyframe;
    }

    /** Generic NACK packets received. */
    public long nacksReceived() {
        return nacksReceived;
    }

    /** Sequence numbers named in them. */
    public long nackedPackets() {
        return nackedPackets;
    }

    /** Packets resent from the cache, as RTX or as the original. */
    public long retransmitted() {
        return retransmitted;
    }

    /** Requested packets no longer cached (evicted, too old, or from an earlier source). */
    public long retransmitMisses() {
        return retransmitMisses;
    }

    /** PLIs received. */
    public long plisReceived() {
        return plisReceived;
    }

    /** FIRs received. */
    public long firsReceived() {
        return firsReceived;
    }

    /** RTCP datagrams from the player that did not parse, dropped. */
    public long malformedRtcp() {
        return malformedRtcp;
    }

    /** Sender reports sent to the player. */
    public long senderReportsSent() {
        return senderReportsSent;
    }

    /** The fraction lost (in 1/256) of the player's latest receiver report block. */
    public long fractionLost() {
        return fractionLost;
    }

    /** The player's latest REMB estimate in bits per second, 0 before one arrives. */
    public long rembBps() {
        return rembBps;
    }

    /** Bits per second sent over the last report interval. */
    public long bitrateBps() {
        return bitrateBps;
    }
}
