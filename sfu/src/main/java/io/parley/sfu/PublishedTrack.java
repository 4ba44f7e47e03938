package io.parley.sfu;

import io.parley.wire.rtcp.FullIntraRequest;
import io.parley.wire.rtcp.GenericNack;
import io.parley.wire.rtcp.PictureLossIndication;
import io.parley.wire.rtcp.SenderReport;
import io.parley.wire.rtp.RtpPacket;
import io.parley.wire.rtp.SequenceNumbers;
import io.parley.wire.rtp.SequenceTracker;

/**
 * One track of a published stream, received once (RFC 3550 §8.2, RFC 7667 §3.7): it detects loss
 * and asks the publisher for it again (RFC 4585 §6.2.1), keeps the retransmission cache, tells
 * keyframes, asks for them on behalf of its players (PLI, RFC 4585 §6.3.1, or FIR, RFC 5104
 * §4.3.1), remembers the publisher's last sender report, and hands each packet to every player's
 * {@link TrackSender}. The senders are a copy-on-write array, so the loop takes no lock.
 */
final class PublishedTrack {
    private static final TrackSender[] NO_SENDERS = new TrackSender[0];
    /** A gap wider than this is a jump (a restart within the SSRC), not loss worth asking for. */
    private static final int MAX_NACKED_GAP = 256;
    private static final int NACK_CAPACITY = 128;

    private final PublishedTrackConfig config;
    private final StreamConfig streamConfig;
    private final StreamCounters counters;
    private final Upstream upstream;
    private final PacketCache cache;
    private final KeyframeDetector keyframes = new KeyframeDetector();
    private final RtxUnwrapper rtx = new RtxUnwrapper();
    private final KeyframeRequester keyframeRequests;
    private final UpstreamNacker nacker;
    private final ReceptionStatistics reception;
    private final long[] firSsrc = new long[1];
    private final int[] firSequence = new int[1];
    private volatile TrackSender[] senders = NO_SENDERS;

    private boolean hasSource;
    private long sourceSsrc;
    private int epoch;
    private int highestSeq;
    private long givenUpReported;
    private boolean hasSenderReport;
    private long senderReportNtp;
    private long senderReportRtp;
    private long senderReportArrival;

    PublishedTrack(PublishedTrackConfig config, StreamConfig streamConfig, StreamCounters counters, Upstream upstream) {
        this.config = config;
        this.streamConfig = streamConfig;
        this.counters = counters;
        this.upstream = upstream;
        this.cache = new PacketCache(streamConfig.cacheCapacity(), streamConfig.cacheMaxAgeNanos());
        this.keyframeRequests = new KeyframeRequester(streamConfig.keyframeIntervalNanos());
        this.nacker = new UpstreamNacker(NACK_CAPACITY, streamConfig.nackMaxRetries(), streamConfig.nackRetryNanos());
        this.reception = new ReceptionStatistics(config.codec().clockRate());
    }

    /** Receives one parsed packet from the publisher and forwards it to every player. */
    void receive(RtpPacket p, long now) {
        if (!hasSource || p.ssrc() != sourceSsrc) {
            switchSource(p.ssrc(), p.sequenceNumber(), now);
        }
        int seq = p.sequenceNumber();
        int ahead = SequenceNumbers.diff(seq, highestSeq);
        if (ahead > SequenceTracker.MAX_DROPOUT || ahead < -SequenceTracker.MAX_MISORDER) {
            // RFC 3550 A.1: a jump this large is the sender restarting its numbering, not loss; the
            // players get it as a new source so their numbering stays continuous.
            switchSource(p.ssrc(), seq, now);
            ahead = 1;
        }
        if (ahead <= 0) {
            if (cache.contains(seq)) {
                counters.duplicates++;
                return;
            }
            if (nacker.received(seq)) {
                counters.recovered++;
            }
        } else {
            if (ahead > 1 && ahead <= MAX_NACKED_GAP) {
                for (int missing = highestSeq + 1; missing != seq; missing = (missing + 1) & 0xFFFF) {
                    nacker.missing(missing);
                }
                counters.lostUpstream += ahead - 1;
            }
            highestSeq = seq;
        }
        counters.packetsReceived++;
        counters.bytesReceived += p.length();
        reception.update(seq, p.timestamp(), now);
        cache.put(seq, p.buffer(), p.offset(), p.length(), now);
        boolean keyframe = config.codec().isVideo() && keyframes.isKeyframe(config.codec(), p);
        if (keyframe) {
            counters.keyframes++;
        }
        boolean wantKeyframe = false;
        for (TrackSender sender : senders) {
            wantKeyframe |= sender.forward(p, keyframe, epoch, now);
        }
        if (wantKeyframe) {
            requestKeyframe(now);
        }
        if (ahead > 1) {
            sendNack(now);
        }
    }

    /** Receives one of the publisher's RTX packets (RFC 4588 §4) as the original it carries. */
    void receiveRtx(RtpPacket packet, long now) {
        RtpPacket original = hasSource ? rtx.unwrap(packet, sourceSsrc, config.payloadType()) : null;
        if (original == null) {
            counters.rtxWithoutOriginal++;
            return;
        }
        counters.rtxReceived++;
        receive(original, now);
    }

    /** A new SSRC, or a jump in the numbering, for this track: the publisher restarted or switched its source. */
    private void switchSource(long ssrc, int seq, long now) {
        if (hasSource) {
            counters.sourceChanges++;
            epoch++;
        }
        hasSource = true;
        sourceSsrc = ssrc;
        highestSeq = (seq - 1) & 0xFFFF;
        cache.clear();
        nacker.clear();
        reception.restart();
        hasSenderReport = false;
        if (config.codec().isVideo()) {
            requestKeyframe(now);
        }
    }

    /** Records the publisher's sender report: the NTP/RTP mapping every player's report is derived from. */
    void onSenderReport(SenderReport sr, long now) {
        if (!hasSource || sr.ssrc() != sourceSsrc) {
            return;
        }
        hasSenderReport = true;
        senderReportNtp = sr.ntpTimestamp();
        senderReportRtp = sr.rtpTimestamp();
        senderReportArrival = now;
    }

    /** Asks the publisher for a keyframe now, or merges the request into the next one. */
    void requestKeyframe(long now) {
        if (!config.codec().isVideo() || !hasSource) {
            return;
        }
        if (keyframeRequests.request(now)) {
            sendKeyframeRequest();
        } else {
            counters.keyframeRequestsMerged++;
        }
    }

    /** The periodic work: merged keyframe requests and NACK retries that are due. */
    void tick(long now) {
        if (hasSource && keyframeRequests.poll(now)) {
            sendKeyframeRequest();
        }
        if (hasSource) {
            sendNack(now);
        }
        counters.nacksGivenUp += nacker.givenUp() - givenUpReported;
        givenUpReported = nacker.givenUp();
    }

    /** Writes this track's report block for the publisher (RFC 3550 §6.4.2); 0 before any packet. */
    int writeReportBlock(byte[] b, int off, long now) {
        if (!hasSource) {
            return 0;
        }
        return reception.writeBlock(b, off, sourceSsrc, senderReportNtp, now - senderReportArrival, hasSenderReport);
    }

    private void sendKeyframeRequest() {
        byte[] b = upstream.buffer();
        int len;
        if (streamConfig.firOnly()) {
            firSsrc[0] = sourceSsrc;
            firSequence[0] = keyframeRequests.firSequence();
            len = FullIntraRequest.write(b, 0, streamConfig.sfuSsrc(), firSsrc, firSequence, 1);
            counters.firsSent++;
        } else {
            len = PictureLossIndication.write(b, 0, streamConfig.sfuSsrc(), sourceSsrc);
            counters.plisSent++;
        }
        upstream.send(len);
    }

    private void sendNack(long now) {
        int n = nacker.collectDue(now);
        if (n == 0) {
            return;
        }
        int len = GenericNack.write(upstream.buffer(), 0, streamConfig.sfuSsrc(), sourceSsrc, nacker.dueArray(), n);
        counters.nacksSent++;
        counters.nackedPackets += n;
        upstream.send(len);
    }

    void addSender(TrackSender sender) {
        senders = CopyOnWrite.with(senders, sender);
    }

    void removeSender(TrackSender sender) {
        senders = CopyOnWrite.without(senders, sender);
    }

    PublishedTrackConfig config() {
        return config;
    }

    Codec codec() {
        return config.codec();
    }

    boolean hasSource() {
        return hasSource;
    }

    long sourceSsrc() {
        return sourceSsrc;
    }

    int epoch() {
        return epoch;
    }

    PacketCache cache() {
        return cache;
    }

    boolean hasSenderReport() {
        return hasSenderReport;
    }

    long senderReportNtp() {
        return senderReportNtp;
    }

    long senderReportRtp() {
        return senderReportRtp;
    }

    long senderReportArrival() {
        return senderReportArrival;
    }
}
