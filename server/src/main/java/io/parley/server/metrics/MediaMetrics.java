package io.parley.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.server.media.MediaFigures;
import io.parley.server.media.MediaFigures.Side;
import io.parley.server.media.MediaFigures.Total;
import java.util.function.ToDoubleFunction;

/**
 * The media plane's meters at /metrics (docs/metrics.md): gauges of live streams, players and
 * transports, and counters read at scrape time from the SFU's and the transport's own counts, so
 * the packet path makes no Micrometer call.
 */
public final class MediaMetrics {
    private MediaMetrics() {
    }

    public static void register(MeterRegistry registry, MediaFigures f) {
        Gauge.builder("parley_media_streams", f, MediaFigures::streams).description("streams live on the media plane").register(registry);
        Gauge.builder("parley_media_players", f, MediaFigures::players).description("players attached to a live stream").register(registry);
        for (Side side : Side.values()) {
            Gauge.builder("parley_media_transports", f, x -> x.transports(side)).tag("side", side.name().toLowerCase())
                    .description("media transports neither closed nor failed").register(registry);
        }
        total(registry, f, "parley_media_rtp_received_packets", Total.RTP_RECEIVED_PACKETS, "RTP packets received from publishers, duplicates and malformed ones excluded");
        total(registry, f, "parley_media_rtp_received_bytes", Total.RTP_RECEIVED_BYTES, "bytes of those packets, RTP headers included");
        total(registry, f, "parley_media_rtp_forwarded_packets", Total.RTP_FORWARDED_PACKETS, "RTP packets sent to players, retransmissions included");
        total(registry, f, "parley_media_rtp_forwarded_bytes", Total.RTP_FORWARDED_BYTES, "bytes of those packets, RTP headers included");
        total(registry, f, "parley_media_nacks_received", Total.NACKS_RECEIVED, "generic NACK packets received from players");
        total(registry, f, "parley_media_nacked_packets_received", Total.NACKED_PACKETS_RECEIVED, "sequence numbers players asked again for");
        total(registry, f, "parley_media_retransmitted_packets", Total.RETRANSMITTED, "NACKed packets answered from the cache (sent as RTX or as the original)");
        total(registry, f, "parley_media_retransmit_misses", Total.RETRANSMIT_MISSES, "NACKed packets no longer in the cache");
        total(registry, f, "parley_media_nacks_sent", Total.NACKS_SENT, "generic NACK packets sent to publishers");
        total(registry, f, "parley_media_nacks_given_up", Total.NACKS_GIVEN_UP, "missing upstream packets given up after the last NACK retry");
        counter(registry, f, "parley_media_keyframe_requests_received", "type", "pli", Total.PLIS_RECEIVED, "keyframe requests received from players");
        counter(registry, f, "parley_media_keyframe_requests_received", "type", "fir", Total.FIRS_RECEIVED, "keyframe requests received from players");
        counter(registry, f, "parley_media_keyframe_requests_sent", "type", "pli", Total.PLIS_SENT, "keyframe requests sent upstream to publishers");
        counter(registry, f, "parley_media_keyframe_requests_sent", "type", "fir", Total.FIRS_SENT, "keyframe requests sent upstream to publishers");
        total(registry, f, "parley_media_keyframes_received", Total.KEYFRAMES_RECEIVED, "RTP packets from publishers that start a keyframe");
        total(registry, f, "parley_media_lost_upstream_packets", Total.LOST_UPSTREAM, "sequence numbers missing on arrival from publishers, before any retransmission");
        total(registry, f, "parley_media_recovered_upstream_packets", Total.RECOVERED_UPSTREAM, "missing upstream sequence numbers that arrived later");
        total(registry, f, "parley_media_dropped_before_keyframe_packets", Total.DROPPED_BEFORE_KEYFRAME, "video packets not sent because the player waits for a keyframe");
        counter(registry, f, "parley_media_send_errors", "to", "player", Total.SEND_ERRORS_PLAYER, "packets whose send failed");
        counter(registry, f, "parley_media_send_errors", "to", "publisher", Total.SEND_ERRORS_PUBLISHER, "packets whose send failed");
        total(registry, f, "parley_media_malformed_rtp", Total.MALFORMED_RTP, "RTP from publishers that did not parse, dropped");
        total(registry, f, "parley_media_malformed_rtcp", Total.MALFORMED_RTCP, "RTCP from publishers or players that did not parse, dropped");
        total(registry, f, "parley_media_unknown_source_packets", Total.UNKNOWN_SOURCE, "RTP whose SSRC and payload type match no track, dropped");
        total(registry, f, "parley_media_duplicate_packets", Total.DUPLICATES, "RTP received a second time, dropped");
        String drops = "datagrams the transport dropped, by reason";
        drop(registry, f, "unknown_address", MediaFigures::unknownAddress, drops);
        drop(registry, f, "unknown_ufrag", MediaFigures::unknownUfrag, drops);
        drop(registry, f, "malformed_stun", MediaFigures::malformedStun, drops);
        drop(registry, f, "unknown_kind", MediaFigures::unknownKind, drops);
        drop(registry, f, "bad_srtp", MediaFigures::srtpFailures, drops);
        drop(registry, f, "before_keys", MediaFigures::droppedBeforeKeys, drops);
        FunctionCounter.builder("parley_media_handshakes_refused", f, x -> x.handshakesRefused())
                .description("DTLS handshakes not started because a transport limit was reached").register(registry);
        FunctionCounter.builder("parley_media_datagrams", f, x -> x.datagramsReceived()).tag("direction", "in")
                .description("UDP datagrams on the media port").register(registry);
        FunctionCounter.builder("parley_media_datagrams", f, x -> x.datagramsSent()).tag("direction", "out")
                .description("UDP datagrams on the media port").register(registry);
    }

    private static void total(MeterRegistry registry, MediaFigures f, String name, Total t, String description) {
        FunctionCounter.builder(name, f, x -> x.total(t)).description(description).register(registry);
    }

    private static void counter(MeterRegistry registry, MediaFigures f, String name, String tag, String value, Total t,
                                String description) {
        FunctionCounter.builder(name, f, x -> x.total(t)).tag(tag, value).description(description).register(registry);
    }

    private static void drop(MeterRegistry registry, MediaFigures f, String reason, ToDoubleFunction<MediaFigures> read,
                             String description) {
        FunctionCounter.builder("parley_media_dropped_datagrams", f, read).tag("reason", reason).description(description)
                .register(registry);
    }
}
