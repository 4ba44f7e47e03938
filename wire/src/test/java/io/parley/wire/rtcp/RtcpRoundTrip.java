package io.parley.wire.rtcp;

import io.parley.testkit.Hex;
import io.parley.wire.WireFormatException;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * The body of the fuzz targets: decode a datagram, describe every field of every packet, re-encode
 * it with the writers, decode and describe again, and demand the same description. Fields a writer
 * normalises (padding, REMB exponent, NACK pair layout, transport-cc chunk choice and base, the
 * unused media SSRC of FIR and REMB) are described by what they mean, not by their bytes.
 */
final class RtcpRoundTrip {
    private final RtcpCompound compound = new RtcpCompound();
    private final SenderReport sr = new SenderReport();
    private final ReceiverReport rr = new ReceiverReport();
    private final ReportBlock block = new ReportBlock();
    private final SourceDescription sdes = new SourceDescription();
    private final Goodbye bye = new Goodbye();
    private final AppPacket app = new AppPacket();
    private final GenericNack nack = new GenericNack();
    private final PictureLossIndication pli = new PictureLossIndication();
    private final FullIntraRequest fir = new FullIntraRequest();
    private final ReceiverEstimatedMaxBitrate remb = new ReceiverEstimatedMaxBitrate();
    private final TransportFeedback twcc = new TransportFeedback();
    private final TransportFeedbackWriter twccWriter = new TransportFeedbackWriter();

    /** Decodes, re-encodes, decodes again and compares; malformed input must raise only {@link WireFormatException}. */
    static void check(byte[] data) {
        RtcpRoundTrip trip = new RtcpRoundTrip();
        String first;
        try {
            first = trip.describe(data, 0, data.length);
        } catch (WireFormatException malformed) {
            return;
        }
        byte[] out = new byte[8 * data.length + 65_536];
        int n = trip.reencode(data, data.length, out);
        String second;
        try {
            second = trip.describe(out, 0, n);
        } catch (WireFormatException e) {
            throw new AssertionError("re-encoded " + Hex.of(out, 0, n) + " of " + Hex.of(data) + " does not parse", e);
        }
        if (!first.equals(second)) {
            throw new AssertionError("round trip of " + Hex.of(data) + " changed\n" + first + "\nto\n" + second);
        }
    }

    String describe(byte[] b, int off, int len) throws WireFormatException {
        StringBuilder s = new StringBuilder();
        compound.wrap(b, off, len);
        while (compound.next()) {
            int at = compound.packetOffset();
            int length = compound.packetLength();
            switch (kind(b, at)) {
                case "SR" -> {
                    sr.wrap(b, at, length);
                    s.append("SR ").append(sr.ssrc()).append(' ').append(sr.ntpTimestamp()).append(' ')
                            .append(sr.rtpTimestamp()).append(' ').append(sr.packetCount()).append(' ')
                            .append(sr.octetCount());
                    blocks(s, sr);
                }
                case "RR" -> {
                    rr.wrap(b, at, length);
                    s.append("RR ").append(rr.ssrc());
                    blocks(s, rr);
                }
                case "SDES" -> {
                    sdes.wrap(b, at, length);
                    s.append("SDES");
                    while (sdes.nextChunk()) {
                        s.append(" [").append(sdes.chunkSsrc());
                        while (sdes.nextItem()) {
                            s.append(' ').append(sdes.itemType()).append(':')
                                    .append(Hex.of(b, sdes.itemOffset(), sdes.itemLength()));
                        }
                        s.append(']');
                    }
                }
                case "BYE" -> {
                    bye.wrap(b, at, length);
                    s.append("BYE");
                    for (int i = 0; i < bye.sourceCount(); i++) {
                        s.append(' ').append(bye.ssrc(i));
                    }
                    s.append(bye.hasReason() ? " reason " + Hex.of(b, bye.reasonOffset(), bye.reasonLength()) : " -");
                }
                case "APP" -> {
                    app.wrap(b, at, length);
                    s.append("APP ").append(app.subtype()).append(' ').append(app.ssrc()).append(' ')
                            .append(app.name4()).append(' ').append(Hex.of(b, app.dataOffset(), app.dataLength()));
                }
                case "NACK" -> {
                    nack.wrap(b, at, length);
                    TreeSet<Integer> lost = new TreeSet<>();
                    for (int seq = nack.nextLost(); seq >= 0; seq = nack.nextLost()) {
                        lost.add(seq);
                    }
                    s.append("NACK ").append(nack.senderSsrc()).append(' ').append(nack.mediaSsrc()).append(' ')
                            .append(lost);
                }
                case "PLI" -> {
                    pli.wrap(b, at, length);
                    s.append("PLI ").append(pli.senderSsrc()).append(' ').append(pli.mediaSsrc());
                }
                case "FIR" -> {
                    fir.wrap(b, at, length);
                    s.append("FIR ").append(fir.senderSsrc());
                    for (int i = 0; i < fir.entryCount(); i++) {
                        s.append(' ').append(fir.entrySsrc(i)).append('/').append(fir.entrySequence(i));
                    }
                }
                case "REMB" -> {
                    remb.wrap(b, at, length);
                    s.append("REMB ").append(remb.senderSsrc()).append(' ').append(remb.bitrate());
                    for (int i = 0; i < remb.ssrcCount(); i++) {
                        s.append(' ').append(remb.ssrc(i));
                    }
                }
                case "TWCC" -> {
                    twcc.wrap(b, at, length);
                    s.append("TWCC ").append(twcc.senderSsrc()).append(' ').append(twcc.mediaSsrc()).append(' ')
                            .append(twcc.feedbackPacketCount());
                    int received = 0;
                    while (twcc.next()) {
                        if (twcc.received()) {
                            received++;
                            s.append(' ').append(twcc.sequenceNumber()).append('@')
                                    .append(Math.floorMod(twcc.arrivalTimeMicros(), 64_000L << 24));
                        }
                    }
                    if (received == 0) {
                        s.append(" none ").append(Hex.of(b, at, length));
                    }
                }
                default -> s.append("RAW ").append(Hex.of(b, at, length));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private void blocks(StringBuilder s, ReportPacket report) {
        for (int i = 0; i < report.reportCount(); i++) {
            report.reportBlock(i, block);
            s.append(" [").append(block.ssrc()).append(' ').append(block.fractionLost()).append(' ')
                    .append(block.cumulativeLost()).append(' ').append(block.extendedHighestSequence()).append(' ')
                    .append(block.jitter()).append(' ').append(block.lastSenderReport()).append(' ')
                    .append(block.delaySinceLastSenderReport()).append(']');
        }
    }

    private static String kind(byte[] b, int at) {
        int fmt = RtcpHeader.count(b, at);
        return switch (RtcpHeader.packetType(b, at)) {
            case RtcpHeader.PT_SR -> "SR";
            case RtcpHeader.PT_RR -> "RR";
            case RtcpHeader.PT_SDES -> "SDES";
            case RtcpHeader.PT_BYE -> "BYE";
            case RtcpHeader.PT_APP -> "APP";
            case RtcpHeader.PT_RTPFB -> fmt == GenericNack.FMT ? "NACK" : fmt == TransportFeedback.FMT ? "TWCC" : "RAW";
            case RtcpHeader.PT_PSFB -> fmt == PictureLossIndication.FMT ? "PLI" : fmt == FullIntraRequest.FMT ? "FIR"
                    : fmt == ReceiverEstimatedMaxBitrate.FMT ? "REMB" : "RAW";
            default -> "RAW";
        };
    }

    /** Writes every packet of a datagram {@link #describe} accepted again with the writers; returns the length. */
    int reencode(byte[] b, int len, byte[] out) {
        int pos = 0;
        try {
            compound.wrap(b, 0, len);
        } catch (WireFormatException e) {
            throw new AssertionError("described datagram no longer parses", e);
        }
        while (compound.next()) {
            try {
                pos += reencodePacket(b, compound.packetOffset(), compound.packetLength(), out, pos);
            } catch (WireFormatException e) {
                throw new AssertionError("described packet no longer parses", e);
            }
        }
        return pos;
    }

    private int reencodePacket(byte[] b, int at, int length, byte[] out, int pos) throws WireFormatException {
        switch (kind(b, at)) {
            case "SR" -> {
                sr.wrap(b, at, length);
                int n = SenderReport.write(out, pos, sr.ssrc(), sr.ntpTimestamp(), sr.rtpTimestamp(), sr.packetCount(),
                        sr.octetCount(), sr.reportCount());
                return n + writeBlocks(sr, out, pos + n);
            }
            case "RR" -> {
                rr.wrap(b, at, length);
                int n = ReceiverReport.write(out, pos, rr.ssrc(), rr.reportCount());
                return n + writeBlocks(rr, out, pos + n);
            }
            case "SDES" -> {
                sdes.wrap(b, at, length);
                SdesWriter w = new SdesWriter().start(out, pos);
                while (sdes.nextChunk()) {
                    w.chunk(sdes.chunkSsrc());
                    while (sdes.nextItem()) {
                        w.item(sdes.itemType(), b, sdes.itemOffset(), sdes.itemLength());
                    }
                }
                return w.finish();
            }
            case "BYE" -> {
                bye.wrap(b, at, length);
                long[] ssrcs = new long[bye.sourceCount()];
                for (int i = 0; i < ssrcs.length; i++) {
                    ssrcs[i] = bye.ssrc(i);
                }
                byte[] reason = bye.hasReason()
                        ? Arrays.copyOfRange(b, bye.reasonOffset(), bye.reasonOffset() + bye.reasonLength()) : null;
                return Goodbye.write(out, pos, ssrcs, ssrcs.length, reason);
            }
            case "APP" -> {
                app.wrap(b, at, length);
                return AppPacket.write(out, pos, app.subtype(), app.ssrc(), app.name4(), b, app.dataOffset(),
                        app.dataLength());
            }
            case "NACK" -> {
                nack.wrap(b, at, length);
                int[] lost = new int[17 * nack.pairCount()];
                int count = 0;
                for (int seq = nack.nextLost(); seq >= 0; seq = nack.nextLost()) {
                    lost[count++] = seq;
                }
                return GenericNack.write(out, pos, nack.senderSsrc(), nack.mediaSsrc(), lost, count);
            }
            case "PLI" -> {
                pli.wrap(b, at, length);
                return PictureLossIndication.write(out, pos, pli.senderSsrc(), pli.mediaSsrc());
            }
            case "FIR" -> {
                fir.wrap(b, at, length);
                long[] ssrcs = new long[fir.entryCount()];
                int[] seqs = new int[ssrcs.length];
                for (int i = 0; i < ssrcs.length; i++) {
                    ssrcs[i] = fir.entrySsrc(i);
                    seqs[i] = fir.entrySequence(i);
                }
                return FullIntraRequest.write(out, pos, fir.senderSsrc(), ssrcs, seqs, ssrcs.length);
            }
            case "REMB" -> {
                remb.wrap(b, at, length);
                long[] ssrcs = new long[remb.ssrcCount()];
                for (int i = 0; i < ssrcs.length; i++) {
                    ssrcs[i] = remb.ssrc(i);
                }
                return ReceiverEstimatedMaxBitrate.write(out, pos, remb.senderSsrc(), remb.bitrate(), ssrcs, ssrcs.length);
            }
            case "TWCC" -> {
                twcc.wrap(b, at, length);
                int[] seqs = new int[twcc.statusCount()];
                long[] arrivals = new long[seqs.length];
                int count = 0;
                while (twcc.next()) {
                    if (twcc.received()) {
                        seqs[count] = twcc.sequenceNumber();
                        arrivals[count++] = twcc.arrivalTimeMicros();
                    }
                }
                if (count > 0) {
                    return twccWriter.write(out, pos, twcc.senderSsrc(), twcc.mediaSsrc(), twcc.feedbackPacketCount(),
                            seqs, arrivals, count);
                }
                System.arraycopy(b, at, out, pos, length);
                return length;
            }
            default -> {
                System.arraycopy(b, at, out, pos, length);
                return length;
            }
        }
    }

    private int writeBlocks(ReportPacket report, byte[] out, int pos) {
        int n = 0;
        for (int i = 0; i < report.reportCount(); i++) {
            report.reportBlock(i, block);
            n += ReportBlock.write(out, pos + n, block.ssrc(), block.fractionLost(), block.cumulativeLost(),
                    block.extendedHighestSequence(), block.jitter(), block.lastSenderReport(),
                    block.delaySinceLastSenderReport());
        }
        return n;
    }
}
