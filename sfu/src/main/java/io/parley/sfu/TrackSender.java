package io.parley.sfu;

import io.parley.wire.Bytes;
import io.parley.wire.WireFormatException;
import io.parley.wire.rtcp.SenderReport;
import io.parley.wire.rtp.RtpExtensionCursor;
import io.parley.wire.rtp.RtpHeaderWriter;
import io.parley.wire.rtp.RtpPacket;

/**
 * One track as one player receives it: the SFU is the RTP sender of this stream (RFC 3550 §8.2,
 * RFC 7667 §3.7), so every packet gets the player's SSRC, payload type, rewritten sequence number
 * and timestamp ({@link RtpRewriter}), the player's header extension IDs and a fresh abs-send-time.
 * Video starts, and restarts after a source change, at a keyframe. Retransmissions come from the
 * track's cache, as RTX (RFC 4588 §4: own SSRC and sequence, the original sequence number first
 * in the payload) when negotiated. Each sender owns its output buffer and writer, so a packet costs
 * one copy per player and no allocation.
 */
final class TrackSender {
    private static final int OUT_SIZE = 2048;
    private static final int MAX_EXTENSIONS = 32;
    /** RFC 4588 §4: the original sequence number (OSN) before the original payload. */
    private static final int OSN_LENGTH = 2;

    private final PublishedTrack track;
    private final PlayerTrackConfig config;
    private final Leg leg;
    private final PlayerCounters counters;
    private final RtpRewriter rewriter;
    private final RtpHeaderWriter writer = new RtpHeaderWriter(MAX_EXTENSIONS);
    private final RtpExtensionCursor cursor = new RtpExtensionCursor();
    private final RtpPacket cached = new RtpPacket();
    private final byte[] out = new byte[OUT_SIZE];
    private final byte[] absSendTime = new byte[3];
    /** The track's source epoch this sender last started on; -1 before the first packet. */
    private int epoch = -1;
    private int rtxSeq;
    private long packetCount;
    private long octetCount;

    TrackSender(PublishedTrack track, PlayerTrackConfig config, Leg leg, PlayerCounters counters,
                int initialSeq, long initialTs, int initialRtxSeq) {
        this.track = track;
        this.config = config;
        this.leg = leg;
        this.counters = counters;
        this.rewriter = new RtpRewriter(initialSeq, initialTs);
        this.rtxSeq = initialRtxSeq & 0xFFFF;
    }

    PublishedTrack track() {
        return track;
    }

    PlayerTrackConfig config() {
        return config;
    }

    /**
     * Forwards one packet of the track's source epoch {@code sourceEpoch}. Returns true when the
     * packet was held back because this player waits for a keyframe, so the track asks for one.
     */
    boolean forward(RtpPacket p, boolean keyframe, int sourceEpoch, long now) {
        if (epoch != sourceEpoch) {
            if (track.codec().isVideo() && !keyframe) {
                counters.droppedBeforeKeyframe++;
                return true;
            }
            rewriter.rebase(p.sequenceNumber(), p.timestamp(), now, track.codec().clockRate());
            epoch = sourceEpoch;
        }
        int outSeq = rewriter.seq(p.sequenceNumber());
        if (!rewriter.isCurrent(outSeq)) {
            // A late packet from before this player's first one: the player never had its predecessors.
            counters.droppedBeforeKeyframe++;
            return false;
        }
        long outTs = rewriter.timestamp(p.timestamp());
        int len = write(p, config.ssrc(), config.payloadType(), outSeq, outTs, -1, now);
        if (len > 0 && send(len)) {
            rewriter.sent(outSeq, outTs, now);
            packetCount++;
            octetCount += p.payloadLength();
        }
        return false;
    }

    /** Answers a player's NACK for outgoing sequence number {@code outSeq} (RFC 4585 §6.2.1). */
    void retransmit(int outSeq, long now) {
        int slot = epoch == track.epoch() && rewriter.wasSent(outSeq)
                ? track.cache().find(rewriter.sourceSeq(outSeq), now) : -1;
        if (slot < 0) {
            counters.retransmitMisses++;
            return;
        }
        try {
            cached.wrap(track.cache().packet(slot), 0, track.cache().length(slot));
        } catch (WireFormatException e) {
            // Only parsed packets are cached; a failure here means the slot was reused mid-read.
            counters.retransmitMisses++;
            return;
        }
        long outTs = rewriter.timestamp(cached.timestamp());
        int len = config.hasRtx()
                ? write(cached, config.rtxSsrc(), config.rtxPayloadType(), rtxSeq, outTs, outSeq, now)
                : write(cached, config.ssrc(), config.payloadType(), outSeq, outTs, -1, now);
        if (len > 0 && send(len)) {
            counters.retransmitted++;
            if (config.hasRtx()) {
                rtxSeq = (rtxSeq + 1) & 0xFFFF;
            }
        }
    }

    /**
     * Writes this stream's sender report (RFC 3550 §6.4.1) at {@code off} and returns its length, or
     * 0 before the first packet of the current source. The RTP timestamp is the one that
     * corresponds to the report's NTP time on the player's timeline: taken from the publisher's own
     * sender report when there is one, so audio and video keep the publisher's lip sync, else
     * extrapolated from the last packet sent against the SFU's wall clock.
     */
    int writeSenderReport(byte[] b, int off, long now, long wallNanos) {
        if (epoch != track.epoch() || !rewriter.started()) {
            return 0;
        }
        long ntp;
        long rtp;
        if (track.hasSenderReport()) {
            long since = now - track.senderReportArrival();
            ntp = track.senderReportNtp() + NtpTime.fromNanos(Math.max(0, since));
            rtp = rewriter.timestamp(track.senderReportRtp() + since / 1000 * track.codec().clockRate() / 1_000_000);
        } else {
            ntp = NtpTime.fromUnixNanos(wallNanos);
            rtp = rewriter.timestampAt(now, track.codec().clockRate());
        }
        int len = SenderReport.write(b, off, config.ssrc(), ntp, rtp, packetCount & 0xFFFF_FFFFL,
                octetCount & 0xFFFF_FFFFL, 0);
        counters.senderReportsSent++;
        return len;
    }

    /**
     * Writes the player's version of {@code p} into the output buffer; returns its length, or 0 when
     * it does not fit. {@code osn} ≥ 0 makes it an RTX packet carrying that original sequence number.
     */
    private int write(RtpPacket p, long ssrc, int payloadType, int seq, long ts, int osn, long now) {
        writer.reset().marker(p.marker()).payloadType(payloadType).sequenceNumber(seq).timestamp(ts).ssrc(ssrc);
        for (int i = 0; i < p.csrcCount(); i++) {
            writer.csrc(p.csrc(i));
        }
        int absId = config.absSendTimeId();
        int extensions = 0;
        if (p.hasExtension()) {
            cursor.reset(p);
            while (cursor.next() && extensions < MAX_EXTENSIONS - 1) {
                int id = config.extensions().playerId(cursor.id());
                if (id != 0 && id != absId) {
                    writer.extension(id, p.buffer(), cursor.valueOffset(), cursor.valueLength());
                    extensions++;
                }
            }
        }
        if (absId != 0) {
            Bytes.put24(absSendTime, 0, AbsSendTime.of(now));
            writer.extension(absId, absSendTime, 0, absSendTime.length);
        }
        boolean rtx = osn >= 0;
        int payload = rtx ? p.payloadLength() : p.payloadLength() + p.paddingLength();
        int headerLength = writer.headerLength();
        if (headerLength + (rtx ? OSN_LENGTH : 0) + payload > out.length) {
            counters.sendErrors++;
            return 0;
        }
        int at = writer.writeTo(out, 0);
        if (rtx) {
            Bytes.put16(out, at, osn);
            at += OSN_LENGTH;
        } else if (p.hasPadding()) {
            out[0] |= 0x20;
        }
        System.arraycopy(p.buffer(), p.payloadOffset(), out, at, payload);
        return at + payload;
    }

    private boolean send(int len) {
        try {
            leg.sendRtp(out, 0, len);
        } catch (RuntimeException e) {
            // The player's leg failing is the player's loss; it must never reach the other players.
            counters.sendErrors++;
            return false;
        }
        counters.packetsSent++;
        counters.bytesSent += len;
        return true;
    }
}
