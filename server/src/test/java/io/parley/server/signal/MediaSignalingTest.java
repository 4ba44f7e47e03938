package io.parley.server.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.Request;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDP exchanges of publish and play over a real server (no browser: the answer's transport never connects). */
class MediaSignalingTest {
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MediaSignalingTest.class.getResourceAsStream("/io/parley/server/media/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void badSdpIsRefusedWith1100030AndTheSessionGoesOn() throws Exception {
        ScriptedClient pub = server.joined("room1", "pub", false);
        ScriptedClient other = server.joined("room1", "other", false);
        JsonNode refused = pub.call(new Request.Publish(pub.nextId(), "s1", "", "v=0\r\nnonsense"));
        assertThat(refused.path("code").asInt()).isEqualTo(1100030);
        assertThat(other.sees("roomStreamUpdate", 300)).isFalse();
        JsonNode ok = pub.call(new Request.Publish(pub.nextId(), "s1", "", resource("chromium-av-offer.sdp")));
        assertThat(ok.path("code").asInt()).isZero();
        assertThat(ok.path("sdp").asText()).contains("a=ice-lite", "a=recvonly", "a=setup:passive", "a=rtpmap:96 VP8/90000");
        assertThat(server.server.media().streamCount()).isEqualTo(1);
        JsonNode noOffer = other.call(new Request.SubscriberAnswer(other.nextId(), resource("chromium-av-answer.sdp"), 1));
        assertThat(noOffer.path("code").asInt()).isEqualTo(1100030);
    }

    @Test
    void aPlayGetsASubscriberOfferAfterItsResponseAndStoppingTurnsItsSectionsInactive() throws Exception {
        ScriptedClient pub = server.joined("room1", "pub", false);
        ScriptedClient player = server.joined("room1", "player", false);
        pub.call(new Request.Publish(pub.nextId(), "s1", "", resource("chromium-av-offer.sdp")));
        JsonNode play = player.call(new Request.Play(player.nextId(), "s1"));
        assertThat(play.path("state").asText()).isEqualTo("PLAYING");
        JsonNode offer = player.event("subscriberOffer");
        assertThat(offer.path("version").asLong()).isEqualTo(1);
        assertThat(offer.path("sdp").asText()).contains("a=sendonly", "a=msid:s1 s1-audio", "a=msid:s1 s1-video",
                "a=setup:actpass", "m=audio", "m=video");
        JsonNode answered = player.call(new Request.SubscriberAnswer(player.nextId(), resource("chromium-av-answer.sdp"), 1));
        assertThat(answered.path("code").asInt()).isZero();
        JsonNode garbage = player.call(new Request.SubscriberAnswer(player.nextId(), "x", 1));
        assertThat(garbage.path("code").asInt()).isEqualTo(1100030);

        pub.call(new Request.Unpublish(pub.nextId(), "s1"));
        assertThat(player.event("playerStateUpdate").path("state").asText()).isEqualTo("PLAY_REQUESTING");
        JsonNode after = player.event("subscriberOffer");
        assertThat(after.path("version").asLong()).isEqualTo(2);
        assertThat(after.path("sdp").asText()).contains("a=inactive").doesNotContain("a=sendonly");
        assertThat(server.server.media().streamCount()).isZero();

        // Published again: the waiting play starts again in the same, reused m-sections.
        JsonNode republished = pub.call(new Request.Publish(pub.nextId(), "s1", "", resource("chromium-av-offer.sdp")));
        assertThat(republished.path("code").asInt()).isZero();
        assertThat(player.event("playerStateUpdate").path("state").asText()).isEqualTo("PLAYING");
        JsonNode again = player.event("subscriberOffer");
        assertThat(again.path("sdp").asText()).contains("a=mid:0", "a=mid:1", "a=sendonly").doesNotContain("a=mid:2", "a=inactive");
    }

    @Test
    void aSessionThatEndsTakesItsStreamsOffTheMediaPlane() throws Exception {
        ScriptedClient pub = server.joined("room1", "pub", false);
        pub.call(new Request.Publish(pub.nextId(), "s1", "", resource("chromium-av-offer.sdp")));
        assertThat(server.server.media().streamCount()).isEqualTo(1);
        // The same userID logs in elsewhere: the first session is kicked out, its stream leaves.
        ScriptedClient again = server.joined("room1", "pub", false);
        org.awaitility.Awaitility.await().until(() -> server.server.media().streamCount() == 0);
        again.close();
    }

    @Test
    void aResumedSessionGetsItsUnansweredOfferAgainAfterTheLoginResponse() throws Exception {
        ScriptedClient pub = server.joined("room1", "pub", false);
        pub.call(new Request.Publish(pub.nextId(), "s1", "", resource("chromium-av-offer.sdp")));
        ScriptedClient player = server.client();
        JsonNode login = player.login(TestServer.APP.appId(), "room1", "player", server.token(TestServer.APP, "player"), false);
        player.call(new Request.Play(player.nextId(), "s1"));
        assertThat(player.event("subscriberOffer").path("version").asLong()).isEqualTo(1);
        player.abort();
        org.awaitility.Awaitility.await().until(() -> server.server.rooms().reconnectingCount() == 1);
        ScriptedClient back = server.client();
        JsonNode resumed = back.resume(TestServer.APP.appId(), "room1", "player", login.path("sessionToken").asText());
        assertThat(resumed.path("resumed").asBoolean()).isTrue();
        JsonNode again = back.event("subscriberOffer");
        assertThat(again.path("version").asLong()).isEqualTo(1);
        assertThat(again.path("sdp").asText()).contains("a=msid:s1 s1-video");
        back.close();
    }

    @Test
    void aNewPeerConnectionMayPublishOnceNothingIsPublishedButNotBeside() throws Exception {
        ScriptedClient pub = server.joined("room1", "pub", false);
        String first = resource("chromium-av-offer.sdp");
        String other = first.replaceAll("(?m)^a=ice-ufrag:.*$", "a=ice-ufrag:zzzz");
        assertThat(pub.call(new Request.Publish(pub.nextId(), "s1", "", first)).path("code").asInt()).isZero();
        assertThat(pub.call(new Request.Publish(pub.nextId(), "s2", "", other)).path("code").asInt()).isEqualTo(1100030);
        pub.call(new Request.Unpublish(pub.nextId(), "s1"));
        assertThat(pub.call(new Request.Publish(pub.nextId(), "s2", "", other)).path("code").asInt()).isZero();
    }
}
