package io.parley.server.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.parley.transport.MediaServer;
import io.parley.transport.TransportLimits;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A session's publisher side: streams by SSRC, and what a lost transport leaves behind. */
class PublisherSideTest {
    private MediaServer server;
    private final List<LiveStream> lost = new CopyOnWriteArrayList<>();
    private PublisherSide side;

    @BeforeEach
    void start() {
        server = MediaServer.start(new InetSocketAddress("127.0.0.1", 0), TransportLimits.DEFAULTS);
        side = new PublisherSide(server, new InetSocketAddress("127.0.0.1", server.localAddress().getPort()), lost::add,
                new MediaFigures(server));
    }

    @AfterEach
    void stop() {
        side.close();
        server.close();
    }

    @Test
    void aLostTransportTakesItsStreamsOffAndLetsANewPeerConnectionPublish() throws Exception {
        String offer = PublisherAnswerTest.chromiumOffer();
        LiveStream stream = side.commit("1/s1", side.prepare("s1", offer));
        assertThat(stream.owns(604040930L)).isTrue();
        assertThat(stream.owns(2540043347L)).isTrue();
        String otherPeer = offer.replaceAll("(?m)^a=ice-ufrag:.*$", "a=ice-ufrag:zzzz");
        assertThatThrownBy(() -> side.prepare("s2", otherPeer)).isInstanceOf(SdpException.class);

        side.closed("consent expired");
        await().until(() -> lost.contains(stream));
        assertThat(side.streams()).isEmpty();
        assertThat(stream.closed()).isTrue();
        assertThat(side.prepare("s2", otherPeer).streamId).isEqualTo("s2");
    }
}
