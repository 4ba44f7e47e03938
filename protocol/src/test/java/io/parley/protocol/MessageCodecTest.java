package io.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    private final MessageCodec codec = new MessageCodec();

    @Test
    void decodesLoginWithDefaults() throws Exception {
        Request r = codec.decodeRequest("{\"v\":1,\"id\":7,\"type\":\"login\",\"appID\":42,\"roomID\":\"room1\","
                + "\"user\":{\"userID\":\"id1\",\"userName\":\"user1\"},\"config\":{\"isUserStatusNotify\":true},\"token\":\"04abc\"}");
        assertThat(r).isEqualTo(new Request.Login(7, 42, "room1", new User("id1", "user1"),
                new Request.LoginConfig(true, 0), "04abc", null, null));
    }

    @Test
    void everyRequestSurvivesARoundTrip() throws Exception {
        List<Request> all = List.of(new Request.Hello(1),
                new Request.Login(2, 1, "r", new User("u", "n"), new Request.LoginConfig(false, 5), null, "ab", "tok"),
                new Request.Login(15, 1, "r", new User("u", "n"), new Request.LoginConfig(true, 0), null, null, "tok",
                        List.of("a", "b"), List.of()),
                new Request.Logout(3), new Request.Publish(4, "s1", "x", "v=0"), new Request.Unpublish(5, "s1"),
                new Request.Play(6, "s1"), new Request.StopPlay(7, "s1"), new Request.SetStreamExtraInfo(8, "s1", "e"),
                new Request.SetRoomExtraInfo(9, "k", "v"), new Request.Broadcast(10, "hi"), new Request.Barrage(11, "yo"),
                new Request.CustomCommand(12, "c", List.of("a", "b")), new Request.RenewToken(13, "04x"),
                new Request.Heartbeat(14), new Request.SubscriberAnswer(16, "v=0", 3));
        for (Request r : all) {
            assertThat(codec.decodeRequest(codec.encode(r))).isEqualTo(r);
        }
    }

    @Test
    void encodesAnEventWithZegoExtendedData() throws Exception {
        Event e = new Event.RoomStreamUpdate("r", Event.DELETE, List.of(new StreamInfo("s1", new User("u", "n"), "")),
                new Event.DeleteData(List.of(new StreamDeleteReason("s1", StreamDeleteReason.HEARTBEAT_TIMEOUT))));
        JsonNode n = codec.parseTree(codec.encode(e));
        assertThat(n.get("type").asText()).isEqualTo("event");
        assertThat(n.get("event").asText()).isEqualTo("roomStreamUpdate");
        assertThat(n.at("/extendedData/stream_delete_reason/0/code").asInt()).isEqualTo(2);
        assertThat(n.at("/streamList/0/user/userID").asText()).isEqualTo("u");
    }

    @Test
    void encodesAResponseWithItsBodyBesideTheEnvelope() throws Exception {
        JsonNode n = codec.parseTree(codec.encode(Response.ok(9, new Response.MessageSent(77))));
        assertThat(n.get("id").asLong()).isEqualTo(9);
        assertThat(n.get("code").asInt()).isZero();
        assertThat(n.get("messageID").asLong()).isEqualTo(77);
    }

    @Test
    void badInputGetsItsCodeAndTheRequestIdWhenReadable() {
        expect("{not json", ErrorCode.MALFORMED_MESSAGE, null);
        expect("[1,2]", ErrorCode.MALFORMED_MESSAGE, null);
        expect("{\"v\":1,\"type\":\"hello\"}", ErrorCode.INVALID_FIELD, null);
        expect("{\"v\":2,\"id\":3,\"type\":\"hello\"}", ErrorCode.UNSUPPORTED_VERSION, 3L);
        expect("{\"v\":1,\"id\":3,\"type\":\"dance\"}", ErrorCode.UNKNOWN_TYPE, 3L);
        expect("{\"v\":1,\"id\":4,\"type\":\"publish\"}", ErrorCode.INVALID_FIELD, 4L);
        expect("{\"v\":1,\"id\":4,\"type\":\"publish\",\"streamID\":7}", ErrorCode.INVALID_FIELD, 4L);
        expect("{\"v\":1,\"id\":5,\"type\":\"publish\",\"streamID\":\"a b\"}", ErrorCode.STREAM_ID_INVALID_CHARACTER, 5L);
        expect("{\"v\":1,\"id\":5,\"type\":\"publish\",\"streamID\":\"\"}", ErrorCode.STREAM_ID_EMPTY, 5L);
        expect("{\"v\":1,\"id\":5,\"type\":\"publish\",\"streamID\":\"" + "s".repeat(256) + "\"}", ErrorCode.STREAM_ID_TOO_LONG, 5L);
        expect("{\"v\":1,\"id\":6,\"type\":\"broadcast\",\"message\":\"" + "m".repeat(1025) + "\"}", ErrorCode.MESSAGE_TOO_LONG, 6L);
        expect("{\"v\":1,\"id\":6,\"type\":\"setRoomExtraInfo\",\"key\":\"elevenbytes\",\"value\":\"\"}", ErrorCode.EXTRA_INFO_TOO_LONG, 6L);
        expect("{\"v\":1,\"id\":6,\"type\":\"setRoomExtraInfo\",\"key\":\"k\",\"value\":\"" + "v".repeat(129) + "\"}", ErrorCode.EXTRA_INFO_TOO_LONG, 6L);
        expect("{\"v\":1,\"id\":6,\"type\":\"setStreamExtraInfo\",\"streamID\":\"s\",\"extraInfo\":\"" + "e".repeat(1025) + "\"}", ErrorCode.EXTRA_INFO_TOO_LONG, 6L);
        expect("{\"v\":1,\"id\":8,\"type\":\"login\",\"appID\":1,\"roomID\":\"r\\u0000\",\"user\":{\"userID\":\"u\"}}", ErrorCode.ROOM_ID_INVALID, 8L);
        expect("{\"v\":1,\"id\":8,\"type\":\"login\",\"appID\":1,\"roomID\":\"r\",\"user\":{\"userID\":\"u|\"}}", ErrorCode.USER_ID_INVALID, 8L);
        expect("{\"v\":1,\"id\":8,\"type\":\"login\",\"appID\":1,\"roomID\":\"r\",\"user\":{\"userID\":\"u\",\"userName\":\"a\\nb\"}}", ErrorCode.USER_NAME_INVALID, 8L);
        expect("{\"v\":1,\"id\":8,\"type\":\"login\",\"appID\":-1,\"roomID\":\"r\",\"user\":{\"userID\":\"u\"}}", ErrorCode.INVALID_FIELD, 8L);
        expect("{\"v\":1,\"id\":7,\"type\":\"subscriberAnswer\",\"sdp\":\"v=0\"}", ErrorCode.INVALID_FIELD, 7L);
        expect("{\"v\":1,\"id\":7,\"type\":\"subscriberAnswer\",\"version\":1}", ErrorCode.INVALID_FIELD, 7L);
        expect("{\"v\":1,\"id\":7,\"type\":\"subscriberAnswer\",\"version\":1,\"sdp\":\"" + "s".repeat(65_537) + "\"}", ErrorCode.INVALID_FIELD, 7L);
        expect("{\"v\":1,\"id\":9,\"type\":\"hello\",\"x\":" + "[".repeat(50) + "]".repeat(50) + "}", ErrorCode.MALFORMED_MESSAGE, null);
    }

    @Test
    void encodesTheSubscriberOfferEvent() throws Exception {
        JsonNode n = codec.parseTree(codec.encode(new Event.SubscriberOffer("v=0\r\n", 4)));
        assertThat(n.get("event").asText()).isEqualTo("subscriberOffer");
        assertThat(n.get("sdp").asText()).isEqualTo("v=0\r\n");
        assertThat(n.get("version").asLong()).isEqualTo(4);
    }

    @Test
    void roomIdLimitIsInBytesBelow128() throws Exception {
        Limits.checkRoomId("r".repeat(127));
        assertThatThrownBy(() -> Limits.checkRoomId("r".repeat(128))).isInstanceOf(ProtocolException.class);
        Limits.checkRoomId("~!@#$%^&*()_+=-`;',.<>/");
    }

    private void expect(String frame, ErrorCode code, Long id) {
        assertThatThrownBy(() -> codec.decodeRequest(frame))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).as(frame).isEqualTo(code);
                    assertThat(e.requestId()).as(frame).isEqualTo(id);
                });
    }
}
