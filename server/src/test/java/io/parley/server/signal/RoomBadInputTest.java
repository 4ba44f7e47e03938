package io.parley.server.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad requests get their code; the session goes on and no one else notices. */
class RoomBadInputTest {
    private TestServer server;
    private ScriptedClient bad;
    private ScriptedClient bystander;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        bad = server.joined("room1", "bad", true);
        bystander = server.joined("room1", "bystander", true);
        bad.event("roomUserUpdate");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void expect(String frame, int code, long id) {
        bad.sendRaw(frame);
        JsonNode r = bad.response(id);
        assertThat(r.path("code").asInt()).as(frame).isEqualTo(code);
        assertThat(r.path("message").asText()).isNotBlank();
    }

    private void stillFine() {
        assertThat(bad.call(new Request.Heartbeat(bad.nextId())).path("code").asInt()).isZero();
        assertThat(bad.call(new Request.Publish(bad.nextId(), "s" + bad.nextId(), "", null)).path("code").asInt()).isZero();
        assertThat(bystander.event("roomStreamUpdate").path("updateType").asText()).isEqualTo("ADD");
        assertThat(bystander.received()).allMatch(m -> !m.path("type").asText().equals("response")
                || m.path("code").asInt() == 0);
        assertThat(bystander.received()).noneMatch(m -> m.path("event").asText().equals("kickedOut"));
    }

    @Test
    void malformedJsonGetsACodeWithoutAnId() {
        expect("{\"v\":1,\"id\":", 1100001, -1);
        expect("\u0000\u0001", 1100001, -1);
        stillFine();
    }

    @Test
    void unknownTypesAndVersions() {
        expect("{\"v\":1,\"id\":77,\"type\":\"selfDestruct\"}", 1100002, 77);
        expect("{\"v\":9,\"id\":78,\"type\":\"heartbeat\"}", 1100004, 78);
        expect("{\"v\":1,\"id\":79,\"type\":\"login\",\"appID\":1001}", 1100003, 79);
        stillFine();
    }

    @Test
    void oversizedFieldsAndForbiddenCharacters() {
        expect("{\"v\":1,\"id\":80,\"type\":\"publish\",\"streamID\":\"" + "s".repeat(300) + "\"}", 1000014, 80);
        expect("{\"v\":1,\"id\":81,\"type\":\"publish\",\"streamID\":\"no spaces\"}", 1000016, 81);
        expect("{\"v\":1,\"id\":82,\"type\":\"broadcast\",\"message\":\"" + "x".repeat(1025) + "\"}", 1009002, 82);
        expect("{\"v\":1,\"id\":83,\"type\":\"setStreamExtraInfo\",\"streamID\":\"s\",\"extraInfo\":\"" + "x".repeat(1025) + "\"}", 1003051, 83);
        expect("{\"v\":1,\"id\":84,\"type\":\"setRoomExtraInfo\",\"key\":\"k\",\"value\":\"" + "x".repeat(129) + "\"}", 1003051, 84);
        expect("{\"v\":1,\"id\":85,\"type\":\"login\",\"appID\":1001,\"roomID\":\"r|x\",\"user\":{\"userID\":\"u\"}}", 1100010, 85);
        expect("{\"v\":1,\"id\":86,\"type\":\"customCommand\",\"command\":\"c\",\"toUserIDs\":[\"a b\"]}", 1100011, 86);
        // A second login on a logged-in connection is refused; the first session is untouched.
        expect("{\"v\":1,\"id\":87,\"type\":\"login\",\"appID\":1001,\"roomID\":\"r\",\"user\":{\"userID\":\"u\"},\"token\":\"x\"}", 1100005, 87);
        stillFine();
    }

    @Test
    void aFloodIsThrottledWith1002071AndTheSessionRecovers() {
        int refused = 0;
        for (int i = 0; i < 80; i++) {
            bad.send(new Request.Heartbeat(1000 + i));
        }
        for (int i = 0; i < 80; i++) {
            if (bad.response(1000 + i).path("code").asInt() == 1002071) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(30);
        server.clock.advance(1000);
        stillFine();
    }
}
