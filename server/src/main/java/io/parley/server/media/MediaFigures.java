package io.parley.server.media;

import io.parley.sfu.Player;
import io.parley.sfu.PlayerCounters;
import io.parley.sfu.PublishedStream;
import io.parley.transport.MediaServer;
import io.parley.transport.MediaTransport;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The media plane's totals for /metrics, read at scrape time from the SFU's and the transport's own
 * counters (plain fields and adders): nothing here runs per packet. Streams, players and transports
 * come and go, so each is tracked while it lives and its final counts move to a retired total when
 * it ends; a total is retired plus live, under one lock, so it never goes down. A read may be a
 * report late (the fields are written on the media event loop without a barrier).
 */
public final class MediaFigures {
    /** A total over every stream or every player the server has had. */
    public enum Total {
        RTP_RECEIVED_PACKETS(s -> s.counters().packetsReceived(), null),
        RTP_RECEIVED_BYTES(s -> s.counters().bytesReceived(), null),
        RTP_FORWARDED_PACKETS(null, PlayerCounters::packetsSent),
        RTP_FORWARDED_BYTES(null, PlayerCounters::bytesSent),
        NACKS_RECEIVED(null, PlayerCounters::nacksReceived),
        NACKED_PACKETS_RECEIVED(null, PlayerCounters::nackedPackets),
        RETRANSMITTED(null, PlayerCounters::retransmitted),
        RETRANSMIT_MISSES(null, PlayerCounters::retransmitMisses),
        NACKS_SENT(s -> s.counters().nacksSent(), null),
        NACKS_GIVEN_UP(s -> s.counters().nacksGivenUp(), null),
        PLIS_RECEIVED(null, PlayerCounters::plisReceived),
        FIRS_RECEIVED(null, PlayerCounters::firsReceived),
        PLIS_SENT(s -> s.counters().plisSent(), null),
        FIRS_SENT(s -> s.counters().firsSent(), null),
        LOST_UPSTREAM(s -> s.counters().lostUpstream(), null),
        RECOVERED_UPSTREAM(s -> s.counters().recovered(), null),
        KEYFRAMES_RECEIVED(s -> s.counters().keyframes(), null),
        DROPPED_BEFORE_KEYFRAME(null, PlayerCounters::droppedBeforeKeyframe),
        SEND_ERRORS_PLAYER(null, PlayerCounters::sendErrors),
        SEND_ERRORS_PUBLISHER(PublishedStream::upstreamSendErrors, null),
        MALFORMED_RTP(s -> s.counters().malformedRtp(), null),
        MALFORMED_RTCP(s -> s.counters().malformedRtcp(), PlayerCounters::malformedRtcp),
        UNKNOWN_SOURCE(s -> s.counters().unknownSource(), null),
        DUPLICATES(s -> s.counters().duplicates(), null);

        final ToLongFunction<PublishedStream> stream;
        final ToLongFunction<PlayerCounters> player;

        Total(ToLongFunction<PublishedStream> stream, ToLongFunction<PlayerCounters> player) {
            this.stream = stream;
            this.player = player;
        }
    }

    /** Which of a session's two transports. */
    public enum Side {
        PUBLISHER, SUBSCRIBER
    }

    private final MediaServer server;
    private final Set<LiveStream> streams = new HashSet<>();
    private final Set<Player> players = new HashSet<>();
    private final Map<MediaTransport, Side> transports = new HashMap<>();
    private final long[] retired = new long[Total.values().length];
    private long retiredSrtpFailures;
    private long retiredDroppedBeforeKeys;

    MediaFigures(MediaServer server) {
        this.server = server;
    }

    synchronized void streamStarted(LiveStream s) {
        sweep();
        streams.add(s);
    }

    synchronized void playerStarted(Player p) {
        sweep();
        players.add(p);
    }

    synchronized void playerStopped(Player p) {
        if (players.remove(p)) {
            PlayerCounters c = p.counters();
            for (Total t : Total.values()) {
                if (t.player != null) {
                    retired[t.ordinal()] += t.player.applyAsLong(c);
                }
            }
        }
    }

    synchronized void transportCreated(MediaTransport t, Side side) {
        sweep();
        transports.put(t, side);
    }

    /** Streams and transports that ended since the last look leave the live sets, their counts kept. */
    private void sweep() {
        for (var it = streams.iterator(); it.hasNext(); ) {
            LiveStream s = it.next();
            if (s.closed()) {
                it.remove();
                for (Total t : Total.values()) {
                    if (t.stream != null) {
                        retired[t.ordinal()] += t.stream.applyAsLong(s.sfu);
                    }
                }
            }
        }
        for (var it = transports.keySet().iterator(); it.hasNext(); ) {
            MediaTransport t = it.next();
            if (t.isFinished()) {
                it.remove();
                retiredSrtpFailures += t.srtpFailures();
                retiredDroppedBeforeKeys += t.droppedBeforeKeys();
            }
        }
    }

    /** Live streams on the media plane (published, not yet stopped). */
    public synchronized int streams() {
        sweep();
        return streams.size();
    }

    /** Players attached to a stream. */
    public synchronized int players() {
        return players.size();
    }

    /** Transports of that side neither closed nor failed. */
    public synchronized int transports(Side side) {
        sweep();
        int n = 0;
        for (Side s : transports.values()) {
            if (s == side) {
                n++;
            }
        }
        return n;
    }

    /** The total since the server started. */
    public synchronized long total(Total t) {
        sweep();
        long n = retired[t.ordinal()];
        if (t.stream != null) {
            for (LiveStream s : streams) {
                n += t.stream.applyAsLong(s.sfu);
            }
        }
        if (t.player != null) {
            for (Player p : players) {
                n += t.player.applyAsLong(p.counters());
            }
        }
        return n;
    }

    /** SRTP and SRTCP packets that failed authentication or replay checks, dropped. */
    public synchronized long srtpFailures() {
        sweep();
        return retiredSrtpFailures + sumOverTransports(MediaTransport::srtpFailures);
    }

    /** Media that arrived before its transport had keys, dropped. */
    public synchronized long droppedBeforeKeys() {
        sweep();
        return retiredDroppedBeforeKeys + sumOverTransports(MediaTransport::droppedBeforeKeys);
    }

    private long sumOverTransports(ToLongFunction<MediaTransport> count) {
        long n = 0;
        for (MediaTransport t : transports.keySet()) {
            n += count.applyAsLong(t);
        }
        return n;
    }

    /** Non-STUN datagrams from an address no transport has validated, dropped. */
    public long unknownAddress() {
        return server.router().unknownAddress();
    }

    /** STUN requests naming an ICE username no transport has, dropped. */
    public long unknownUfrag() {
        return server.router().unknownUfrag();
    }

    /** STUN that did not parse, dropped. */
    public long malformedStun() {
        return server.router().malformedStun();
    }

    /** Datagrams of no RFC 7983 kind, dropped. */
    public long unknownKind() {
        return server.router().unknownKind();
    }

    /** DTLS handshakes not started because a transport limit was reached. */
    public long handshakesRefused() {
        return server.handshakesRefused();
    }

    /** Datagrams received on the media port. */
    public long datagramsReceived() {
        return server.port().datagramsReceived();
    }

    /** Datagrams sent from the media port. */
    public long datagramsSent() {
        return server.port().datagramsSent();
    }
}
