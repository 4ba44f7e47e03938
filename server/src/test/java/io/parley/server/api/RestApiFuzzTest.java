package io.parley.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * Any query, signed or not, gets a JSON answer with a Code and never a failure of the handler
 * itself (HTTP 500). Half the inputs are signed correctly so that the actions' own parameter checks
 * are reached; the room service is the in-memory fake, with a few users and a stream.
 */
class RestApiFuzzTest {
    private static final List<String> ACTIONS = List.of("DescribeUserNum", "DescribeUserList", "DescribeUsers",
            "KickoutUser", "CloseRoom", "DescribeSimpleStreamList", "SendBroadcastMessage");
    private static final List<String> KEYS = List.of("RoomId", "RoomId[]", "UserId", "UserId[]", "Limit", "Mode",
            "Marker", "CustomReason", "RoomCloseCallback", "UserName", "MessageCategory", "MessageContent",
            "AppId", "Timestamp", "SignatureVersion", "Action");
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest
    void handle(FuzzedDataProvider data) throws Exception {
        RestCalls calls = new RestCalls();
        calls.rooms.login("r1", "a");
        calls.rooms.login("r1", "b");
        calls.rooms.streams.put("r1", List.of(new StreamInfo("s1", "a", "A", "", 1)));
        String action = data.consumeBoolean() ? data.pickValue(ACTIONS) : data.consumeString(40);
        String nonce = data.consumeBoolean() ? "00ff00ff00ff00ff" : data.consumeString(70);
        long timestamp = data.consumeBoolean() ? RestCalls.NOW : data.consumeLong();
        Map<String, List<String>> query = RestCalls.query(action, nonce, timestamp);
        int extra = data.consumeInt(0, 12);
        for (int i = 0; i < extra; i++) {
            String key = data.consumeBoolean() ? data.pickValue(KEYS) : data.consumeString(20);
            query.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(data.consumeString(300));
        }

        RestResponse response = calls.api.handle(query, RestCalls.NOW);

        assertThat(response.httpStatus()).as(response.json()).isNotEqualTo(500);
        JsonNode body = JSON.readTree(response.json());
        assertThat(body.get("Code").isInt()).isTrue();
        assertThat(response.httpStatus() == 200).isEqualTo(body.get("Code").asInt() == 0);
    }
}
