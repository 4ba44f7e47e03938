package io.parley.sfu;

import io.parley.wire.WireFormatException;
import io.parley.wire.rtcp.ReceiverEstimatedMaxBitrate;
import io.parley.wire.rtcp.ReceiverReport;
import io.parley.wire.rtcp.RtcpCompound;
import io.parley.wire.rtcp.RtcpHeader;
import io.parley.wire.rtcp.SenderReport;
import io.parley.wire.rtp.RtpPacket;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A published stream on the media plane: its tracks received once from the publisher's leg and
 * forwarded to every {@link Player} (the RTP translator/SFU topology of RFC 7667 §3.7), with RTCP
 * terminated on both sides: receiver reports, NACKs, merged keyframe requests and REMB up to the
 * publisher; sender reports and answers to NACKs down to each player.
 *
 * <p>Threading: every method runs on the stream's thread (the server's event loop of the
 * publisher), so the packet path takes no lock. The players and each track's senders are
 * copy-on-write arrays, so a play or stop never disturbs a loop in progress. Counters are plain
 * longs any thread may read. {@link #tick} is called by the server every few tens of
 * milliseconds; it drives retries, merged requests and the reports.
 */
public final class PublishedStream {
    private static final Player[] NO_PLAYERS = new Player[0];
    /** A player's REMB older than this many report intervals no longer holds the publisher back. */
    private static final int REMB_MAX_AGE_REPORTS = 5;

    private final StreamConfig config;
    private final MediaClock clock;
    private final PublishedTrack[] tracks;
    private final StreamCounters counters = new StreamCounters();
    private final Upstream upstream;
    private final RtpPacket packet = new RtpPacket();
    private final RtcpCompound compound = new RtcpCompound();
    private final SenderReport senderReport = new SenderReport();
    private final long[] rembSsrcs;
    private volatile Player[] players = NO_PLAYERS;
    private long lastReport;
    private long bytesAtLastReport;

    public PublishedStream(StreamConfig config, List<PublishedTrackConfig> tracks, Leg publisher, MediaClock clock) {
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("a published stream has at least one track");
        }
        this.config = config;
        this.clock = clock;
        this.upstream = new Upstream(publisher);
        this.tracks = new PublishedTrack[tracks.size()];
        for (int i = 0; i < this.tracks.length; i++) {
            this.tracks[i] = new PublishedTrack(tracks.get(i), config, counters, upstream);
        }
        this.rembSsrcs = new long[this.tracks.length];
        this.lastReport = clock.nanoTime();
    }

    public StreamCounters counters() {
        return counters;
    }

    /** RTCP packets to the publisher that its leg refused. */
    public long upstreamSendErrors() {
        return upstream.sendErrors();
    }

    /** Receives an RTP packet from the publisher; malformed ones and unknown sources are counted and dropped. */
    public void receiveRtp(byte[] b, int off, int len) {
        try {
            packet.wrap(b, off, len);
        } catch (WireFormatException e) {
            counters.malformedRtp++;
            return;
        }
        for (PublishedTrack track : tracks) {
            if (track.config().rtxPayloadType() == packet.payloadType()) {
                track.receiveRtx(packet, clock.nanoTime());
                return;
            }
        }
        PublishedTrack track = trackFor(packet.ssrc(), packet.payloadType());
        if (track == null) {
            counters.unknownSource++;
            return;
        }
        track.receive(packet, clock.nanoTime());
    }

    /** Receives an RTCP datagram from the publisher: its sender reports give the players' timing. */
    public void receiveRtcp(byte[] b, int off, int len) {
        try {
            compound.wrap(b, off, len);
        } catch (WireFormatException e) {
            counters.malformedRtcp++;
            return;
        }
        long now = clock.nanoTime();
        while (compound.next()) {
            if (compound.packetType() != RtcpHeader.PT_SR) {
                continue;
            }
            try {
                senderReport.wrap(compound.buffer(), compound.packetOffset(), compound.packetLength());
            } catch (WireFormatException e) {
                counters.malformedRtcp++;
                continue;
            }
            counters.senderReportsReceived++;
            for (PublishedTrack track : tracks) {
                track.onSenderReport(senderReport, now);
            }
        }
    }

    /**
     * Starts a player: {@code perTrack[i]} is how it receives track {@code i} in the order the
     * stream was created with, null for a track it does not play. Asks the publisher for a keyframe
     * at once, and the player's video starts at the next one.
     */
    public Player play(Leg leg, PlayerTrackConfig... perTrack) {
        if (perTrack.length != tracks.length) {
            throw new IllegalArgumentException("one player config per track (null to skip): " + tracks.length
                    + " tracks, " + perTrack.length + " configs");
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        PlayerCounters playerCounters = new PlayerCounters();
        TrackSender[] senders = new TrackSender[perTrack.length];
        int n = 0;
        for (int i = 0; i < perTrack.length; i++) {
            if (perTrack[i] != null) {
                senders[n++] = new TrackSender(tracks[i], perTrack[i], leg, playerCounters,
                        random.nextInt(1 << 16), random.nextLong(1L << 32), random.nextInt(1 << 16));
            }
        }
        Player player = new Player(leg, java.util.Arrays.copyOf(senders, n), playerCounters);
        long now = clock.nanoTime();
        for (TrackSender sender : player.senders()) {
            sender.track().addSender(sender);
            sender.track().requestKeyframe(now);
        }
        players = CopyOnWrite.with(players, player);
        return player;
    }

    /** Stops a player: it receives nothing more and its feedback no longer counts. */
    public void stop(Player player) {
        player.stop();
        for (TrackSender sender : player.senders()) {
            sender.track().removeSender(sender);
        }
        players = CopyOnWrite.without(players, player);
    }

    /** Receives an RTCP datagram from {@code player}. */
    public void receivePlayerRtcp(Player player, byte[] b, int off, int len) {
        player.receiveRtcp(b, off, len, clock.nanoTime());
    }

    /** The periodic work: NACK retries and merged keyframe requests, and every report interval the reports. */
    public void tick() {
        long now = clock.nanoTime();
        for (PublishedTrack track : tracks) {
            track.tick(now);
        }
        long elapsed = now - lastReport;
        if (elapsed < config.reportIntervalNanos()) {
            return;
        }
        lastReport = now;
        reportUpstream(now);
        long wall = clock.wallNanos();
        for (Player player : players) {
            player.report(now, wall, elapsed);
        }
        counters.bitrateBps = (counters.bytesReceived - bytesAtLastReport) * 8 * 1_000_000_000L / elapsed;
        bytesAtLastReport = counters.bytesReceived;
    }

    /** One compound to the publisher: a receiver report with a block per track, then REMB (RFC 3550 §6.1). */
    private void reportUpstream(long now) {
        int blocks = 0;
        int ssrcs = 0;
        for (PublishedTrack track : tracks) {
            if (track.hasSource()) {
                blocks++;
                if (track.codec().isVideo()) {
                    rembSsrcs[ssrcs++] = track.sourceSsrc();
                }
            }
        }
        if (blocks == 0) {
            return;
        }
        byte[] b = upstream.buffer();
        int at = ReceiverReport.write(b, 0, config.sfuSsrc(), blocks);
        for (PublishedTrack track : tracks) {
            at += track.writeReportBlock(b, at, now);
        }
        counters.receiverReportsSent++;
        long estimate = estimate(now);
        if (estimate > 0 && ssrcs > 0) {
            at += ReceiverEstimatedMaxBitrate.write(b, at, config.sfuSsrc(), estimate, rembSsrcs, ssrcs);
            counters.rembsSent++;
        }
        upstream.send(at);
    }

    /**
     * The bitrate asked of the publisher: the lowest recent REMB among the players, since without
     * simulcast one encoding serves all of them and a player that cannot take it loses packets,
     * clamped so that one player on a very poor link does not starve the rest below the minimum
     * and no estimate asks for more than the maximum. 0 when no player sent one.
     */
    long estimate(long now) {
        long lowest = Long.MAX_VALUE;
        long maxAge = REMB_MAX_AGE_REPORTS * config.reportIntervalNanos();
        for (Player player : players) {
            long bps = player.currentEstimate(now, maxAge);
            if (bps > 0) {
                lowest = Math.min(lowest, bps);
            }
        }
        if (lowest == Long.MAX_VALUE) {
            return 0;
        }
        return Math.max(config.rembMinBps(), Math.min(config.rembMaxBps(), lowest));
    }

    private PublishedTrack trackFor(long ssrc, int payloadType) {
        for (PublishedTrack track : tracks) {
            if (track.hasSource() && track.sourceSsrc() == ssrc) {
                return track;
            }
        }
        for (PublishedTrack track : tracks) {
            if (track.config().payloadType() == payloadType) {
                return track;
            }
        }
        return null;
    }
}
