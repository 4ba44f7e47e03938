package io.parley.server.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.Request;
import io.parley.server.media.MediaDrive;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The parley_media_ meters of /metrics move with a call: signaling publishes and plays over a real
 * server, and RTP is handed to the live stream's SFU directly (no browser, so no DTLS keys).
 */
class MediaMetricsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MediaMetricsTest.class.getResourceAsStream("/io/parley/server/media/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final long SAFETY_NET_NANOS = 20_000_000_000L;

    private double metric(String line) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (String l : body.split("\n")) {
            if (l.startsWith(line + " ")) {
                return Double.parseDouble(l.substring(line.length() + 1).trim());
            }
        }
        throw new AssertionError("no " + line + " in /metrics:\n" + body);
    }

    /** Polls until {@code line} reaches {@code atLeast}; the 20 s are a safety net for a loaded machine. */
    private void await(String line, double atLeast) throws Exception {
        long end = System.nanoTime() + SAFETY_NET_NANOS;
        while (metric(line) < atLeast && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(metric(line)).as(line).isGreaterThanOrEqualTo(atLeast);
    }

    @Test
    void aCallMovesTheMediaCountersAndTheyOutliveItsStreamsAndPlayers() throws Exception {
        server = new TestServer();
        assertThat(metric("parley_media_streams")).isZero();
        assertThat(metric("parley_media_rtp_forwarded_packets_total")).isZero();
        ScriptedClient pub = server.joined("room1", "pub", false);
        ScriptedClient player = server.joined("room1", "player", false);
        pub.call(new Request.Publish(pub.nextId(), "s1", "", resource("chromium-av-offer.sdp")));
        player.call(new Request.Play(player.nextId(), "s1"));
        player.event("subscriberOffer");
        assertThat(player.call(new Request.SubscriberAnswer(player.nextId(), resource("chromium-av-answer.sdp"), 1)).path("code").asInt()).isZero();
        await("parley_media_players", 1);
        assertThat(metric("parley_media_streams")).isEqualTo(1);
        assertThat(metric("parley_media_transports{side=\"publisher\"}")).isEqualTo(1);
        assertThat(metric("parley_media_transports{side=\"subscriber\"}")).isEqualTo(1);

        assertThat(MediaDrive.videoKeyframes(server.server.media(), TestServer.APP.appId(), "s1", 5)).isTrue();
        assertThat(metric("parley_media_rtp_received_packets_total")).isEqualTo(5);
        assertThat(metric("parley_media_rtp_received_bytes_total")).isEqualTo(5 * 23);
        assertThat(metric("parley_media_keyframes_received_total")).isEqualTo(5);
        assertThat(metric("parley_media_rtp_forwarded_packets_total")).isEqualTo(5);
        assertThat(metric("parley_media_rtp_forwarded_bytes_total")).isGreaterThan(0);

        // A datagram from an address no transport validated is dropped and counted.
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] rtp = new byte[20];
            rtp[0] = (byte) 0x80;
            s.send(new DatagramPacket(rtp, rtp.length, InetAddress.getLoopbackAddress(), server.server.media().port()));
        }
        await("parley_media_dropped_datagrams_total{reason=\"unknown_address\"}", 1);

        // The stream and its player end; what they counted stays in the totals.
        pub.call(new Request.Unpublish(pub.nextId(), "s1"));
        await("parley_media_streams", 0);
        long end = System.nanoTime() + SAFETY_NET_NANOS;
        while (metric("parley_media_players") > 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(metric("parley_media_streams")).isZero();
        assertThat(metric("parley_media_players")).isZero();
        assertThat(metric("parley_media_rtp_received_packets_total")).isEqualTo(5);
        assertThat(metric("parley_media_rtp_forwarded_packets_total")).isEqualTo(5);
    }
}
