package io.parley.sfu;

import io.parley.wire.WireFormatException;
import io.parley.wire.rtcp.FullIntraRequest;
import io.parley.wire.rtcp.GenericNack;
import io.parley.wire.rtcp.PictureLossIndication;
import io.parley.wire.rtcp.ReceiverEstimatedMaxBitrate;
import io.parley.wire.rtcp.ReceiverReport;
import io.parley.wire.rtcp.ReportBlock;
import io.parley.wire.rtcp.RtcpCompound;
import io.parley.wire.rtcp.RtcpHeader;

/**
 * One player of a published stream: its leg, one {@link TrackSender} per track it plays, and the
 * termination of the RTCP it sends (RFC 3550 §6, RFC 4585 §6): NACKs are answered here from the
 * track's cache and never reach the publisher, PLI and FIR become one merged request upstream,
 * REMB and receiver reports are kept as this player's figures. Created by {@link PublishedStream#play}.
 */
public final class Player {
    private final Leg leg;
    private final TrackSender[] senders;
    private final PlayerCounters counters;
    private final RtcpCompound compound = new RtcpCompound();
    private final GenericNack nack = new GenericNack();
    private final PictureLossIndication pli = new PictureLossIndication();
    private final FullIntraRequest fir = new FullIntraRequest();
    private final ReceiverEstimatedMaxBitrate remb = new ReceiverEstimatedMaxBitrate();
    private final ReceiverReport rr = new ReceiverReport();
    private final ReportBlock block = new ReportBlock();
    private final byte[] reportBuffer = new byte[64];
    private boolean stopped;
    private long rembArrival;
    private long bytesAtLastReport;

    Player(Leg leg, TrackSender[] senders, PlayerCounters counters) {
        this.leg = leg;
        this.senders = senders;
        this.counters = counters;
    }

    public PlayerCounters counters() {
        return counters;
    }

    TrackSender[] senders() {
        return senders;
    }

    /** After a stop, feedback that was already on its way is ignored: no retransmission, no keyframe request. */
    void stop() {
        stopped = true;
    }

    /** Handles an RTCP datagram from this player, at time {@code now} of the stream's clock. */
    void receiveRtcp(byte[] b, int off, int len, long now) {
        if (stopped) {
            return;
        }
        try {
            compound.wrap(b, off, len);
        } catch (WireFormatException e) {
            counters.malformedRtcp++;
            return;
        }
        while (compound.next()) {
            try {
                handle(compound.packetType(), compound.count(), compound.packetOffset(), compound.packetLength(), now);
            } catch (WireFormatException e) {
                counters.malformedRtcp++;
            }
        }
    }

    private void handle(int type, int count, int at, int length, long now) throws WireFormatException {
        byte[] b = compound.buffer();
        if (type == RtcpHeader.PT_RTPFB && count == GenericNack.FMT) {
            nack.wrap(b, at, length);
            counters.nacksReceived++;
            TrackSender sender = senderFor(nack.mediaSsrc());
            for (int seq = nack.nextLost(); seq >= 0; seq = nack.nextLost()) {
                counters.nackedPackets++;
                if (sender != null) {
                    sender.retransmit(seq, now);
                } else {
                    counters.retransmitMisses++;
                }
            }
        } else if (type == RtcpHeader.PT_PSFB && count == PictureLossIndication.FMT) {
            pli.wrap(b, at, length);
            counters.plisReceived++;
            requestKeyframe(senderFor(pli.mediaSsrc()), now);
        } else if (type == RtcpHeader.PT_PSFB && count == FullIntraRequest.FMT) {
            fir.wrap(b, at, length);
            counters.firsReceived++;
            for (int i = 0; i < fir.entryCount(); i++) {
                requestKeyframe(senderFor(fir.entrySsrc(i)), now);
            }
        } else if (type == RtcpHeader.PT_PSFB && count == ReceiverEstimatedMaxBitrate.FMT) {
            if (isRemb(b, at, length)) {
                remb.wrap(b, at, length);
                counters.rembBps = remb.bitrate();
                rembArrival = now;
            }
        } else if (type == RtcpHeader.PT_RR) {
            rr.wrap(b, at, length);
            for (int i = 0; i < rr.reportCount(); i++) {
                rr.reportBlock(i, block);
                if (senderFor(block.ssrc()) != null) {
                    counters.fractionLost = block.fractionLost();
                }
            }
        }
    }

    /** Other application-layer feedback shares FMT 15; only "REMB" is this player's estimate. */
    private static boolean isRemb(byte[] b, int at, int length) {
        return length >= 16 && io.parley.wire.Bytes.i32(b, at + 12) == ReceiverEstimatedMaxBitrate.IDENTIFIER;
    }

    private static void requestKeyframe(TrackSender sender, long now) {
        if (sender != null) {
            sender.track().requestKeyframe(now);
        }
    }

    private TrackSender senderFor(long ssrc) {
        for (TrackSender s : senders) {
            if (s.config().ssrc() == ssrc) {
                return s;
            }
        }
        return null;
    }

    /** The player's latest REMB if it is no older than {@code maxAgeNanos}, else 0. */
    long currentEstimate(long now, long maxAgeNanos) {
        return counters.rembBps > 0 && now - rembArrival <= maxAgeNanos ? counters.rembBps : 0;
    }

    /** Sends one sender report per track (RFC 3550 §6.4.1) and updates the bitrate over {@code elapsed}. */
    void report(long now, long wallNanos, long elapsedNanos) {
        for (TrackSender s : senders) {
            int len = s.writeSenderReport(reportBuffer, 0, now, wallNanos);
            if (len > 0) {
                try {
                    leg.sendRtcp(reportBuffer, 0, len);
                } catch (RuntimeException e) {
                    counters.sendErrors++;
                }
            }
        }
        if (elapsedNanos > 0) {
            counters.bitrateBps = (counters.bytesSent - bytesAtLastReport) * 8 * 1_000_000_000L / elapsedNanos;
        }
        bytesAtLastReport = counters.bytesSent;
    }
}
