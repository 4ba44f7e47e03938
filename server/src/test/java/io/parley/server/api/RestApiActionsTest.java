package io.parley.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.auth.AuthException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestApiActionsTest {
    final RestCalls calls = new RestCalls();
    final FakeRoomAdmin rooms = calls.rooms;

    @Test
    void describeUserNumCountsEachRoomInOrder() {
        rooms.login("r1", "a");
        rooms.login("r1", "b");
        rooms.login("r2", "c");

        JsonNode body = calls.call("DescribeUserNum", "RoomId[]", "r2", "RoomId[]", "r1", "RoomId[]", "none");

        assertThat(body.get("Code").asInt()).isZero();
        assertThat(body.get("Message").asText()).isEqualTo("success");
        assertThat(body.at("/Data/UserCountList").toString()).isEqualTo(
                "[{\"RoomId\":\"r2\",\"UserCount\":1,\"AdminUserCount\":0},"
                + "{\"RoomId\":\"r1\",\"UserCount\":2,\"AdminUserCount\":0},"
                + "{\"RoomId\":\"none\",\"UserCount\":0,\"AdminUserCount\":0}]");
    }

    @Test
    void describeUserNumTakesTheBareNameTooAndAtMostTenRooms() {
        assertThat(calls.call("DescribeUserNum", "RoomId", "r1").at("/Data/UserCountList").size()).isEqualTo(1);
        String[] eleven = new String[22];
        for (int i = 0; i < 11; i++) {
            eleven[2 * i] = "RoomId[]";
            eleven[2 * i + 1] = "r" + i;
        }
        calls.refused("DescribeUserNum", 2, 400, eleven);
        calls.refused("DescribeUserNum", 2, 400);
    }

    @Test
    void describeUserListPagesBy200WithMarkers() {
        for (int i = 0; i < 450; i++) {
            rooms.login("big", "u" + i);
        }
        List<String> seen = new ArrayList<>();
        String marker = "";
        List<Integer> sizes = new ArrayList<>();
        do {
            JsonNode data = calls.call("DescribeUserList", "RoomId", "big", "Marker", marker).get("Data");
            sizes.add(data.get("UserList").size());
            data.get("UserList").forEach(u -> seen.add(u.get("UserId").asText()));
            marker = data.get("Marker").asText();
        } while (!marker.isEmpty());

        assertThat(sizes).containsExactly(200, 200, 50);
        assertThat(seen).hasSize(450).startsWith("u0", "u1").endsWith("u449").doesNotHaveDuplicates();
    }

    @Test
    void describeUserListGivesZegosFieldsAndHonoursLimit() {
        rooms.login("r1", "a");
        rooms.login("r1", "b");

        JsonNode data = calls.call("DescribeUserList", "RoomId", "r1", "Limit", "1", "Mode", "0").get("Data");

        assertThat(data.get("UserList").toString())
                .isEqualTo("[{\"UserId\":\"a\",\"UserName\":\"name-a\",\"UserRole\":0,\"LoginTime\":1000}]");
        assertThat(data.get("Marker").asText()).isNotEmpty();
        assertThat(calls.call("DescribeUserList", "RoomId", "nowhere").at("/Data/UserList").size()).isZero();
    }

    @Test
    void describeUserListRefusesBadPaging() {
        calls.refused("DescribeUserList", 2, 400, "RoomId", "r1", "Limit", "201");
        calls.refused("DescribeUserList", 2, 400, "RoomId", "r1", "Limit", "-1");
        calls.refused("DescribeUserList", 2, 400, "RoomId", "r1", "Mode", "1");
        calls.refused("DescribeUserList", 3, 400, "RoomId", "r1", "Marker", "m".repeat(257));
        calls.refused("DescribeUserList", 2, 400);
    }

    @Test
    void describeUsersSaysWhoIsOnlineAndInTheRoom() {
        rooms.login("r1", "a");
        rooms.login("r2", "b");

        JsonNode list = calls.call("DescribeUsers", "RoomId", "r1", "UserId[]", "a", "UserId[]", "b",
                "UserId[]", "c").at("/Data/UserList");

        assertThat(list.toString()).isEqualTo(
                "[{\"UserId\":\"a\",\"Online\":true,\"InRoom\":true,\"RoomIds\":[\"r1\"]},"
                + "{\"UserId\":\"b\",\"Online\":true,\"InRoom\":false,\"RoomIds\":[\"r2\"]},"
                + "{\"UserId\":\"c\",\"Online\":false,\"InRoom\":false,\"RoomIds\":[]}]");
        calls.refused("DescribeUsers", 2, 400, "RoomId", "r1");
    }

    @Test
    void kickoutUserEndsTheirSessionsAndPassesTheReason() {
        rooms.login("r1", "a");
        rooms.login("r1", "b");

        JsonNode body = calls.call("KickoutUser", "RoomId", "r1", "UserId[]", "a", "CustomReason", "spam");

        assertThat(body.get("Code").asInt()).isZero();
        assertThat(rooms.log).containsExactly("kickout r1 [a] spam");
        assertThat(rooms.rooms.get("r1")).extracting(RoomUser::userId).containsExactly("b");
    }

    @Test
    void kickoutUserRefusesAMissingRoomAndMoreThanFiveUsers() {
        calls.refused("KickoutUser", 104, 404, "RoomId", "nowhere", "UserId[]", "a");
        rooms.login("r1", "a");
        String[] six = {"RoomId", "r1", "UserId[]", "1", "UserId[]", "2", "UserId[]", "3", "UserId[]", "4",
            "UserId[]", "5", "UserId[]", "6"};
        calls.refused("KickoutUser", 2, 400, six);
        assertThat(rooms.log).isEmpty();
    }

    @Test
    void closeRoomClosesItOrSaysItDoesNotExist() {
        rooms.login("r1", "a");

        assertThat(calls.call("CloseRoom", "RoomId", "r1", "CustomReason", "done", "RoomCloseCallback", "true")
                .get("Code").asInt()).isZero();
        assertThat(rooms.log).containsExactly("close r1 done");
        calls.refused("CloseRoom", 104, 404, "RoomId", "r1");
        calls.refused("CloseRoom", 2, 400, "RoomId", "r1", "RoomCloseCallback", "maybe");
        calls.refused("CloseRoom", 3, 400, "RoomId", "r1", "CustomReason", "x".repeat(257));
    }

    @Test
    void describeSimpleStreamListListsTheRoomsStreams() {
        rooms.streams.put("r1", List.of(new StreamInfo("s1", "a", "name-a", "{\"cam\":1}", 1_700_000_000L)));

        JsonNode list = calls.call("DescribeSimpleStreamList", "RoomId", "r1").at("/Data/StreamList");

        assertThat(list.toString()).isEqualTo("[{\"StreamId\":\"s1\",\"UserId\":\"a\",\"UserName\":\"name-a\","
                + "\"ExtraInfo\":\"{\\\"cam\\\":1}\",\"CreateTime\":1700000000}]");
        assertThat(calls.call("DescribeSimpleStreamList", "RoomId", "r2").at("/Data/StreamList").size()).isZero();
    }

    @Test
    void sendBroadcastMessageReachesTheRoom() {
        rooms.login("r1", "a");

        JsonNode body = calls.call("SendBroadcastMessage", "RoomId", "r1", "UserId", "server", "UserName", "Ops",
                "MessageCategory", "1", "MessageContent", "hello 世界");

        assertThat(body.get("Code").asInt()).isZero();
        assertThat(rooms.log).containsExactly("broadcast r1 server Ops: hello 世界");
    }

    @Test
    void sendBroadcastMessageRefusesBadInputAndPassesTheRoomServicesCode() {
        rooms.login("r1", "a");
        calls.refused("SendBroadcastMessage", 2, 400, "RoomId", "r1", "UserId", "server");
        calls.refused("SendBroadcastMessage", 3, 400, "RoomId", "r1", "UserId", "server",
                "MessageContent", "é".repeat(513));
        calls.refused("SendBroadcastMessage", 2, 400, "RoomId", "r1", "UserId", "server",
                "MessageCategory", "3", "MessageContent", "x");
        calls.refused("SendBroadcastMessage", 104, 404, "RoomId", "r2", "UserId", "server", "MessageContent", "x");
        rooms.broadcastRefusal = new AuthException(1009015, "messages too frequent");
        calls.refused("SendBroadcastMessage", 1009015, 429, "RoomId", "r1", "UserId", "server", "MessageContent", "x");
        assertThat(rooms.log).isEmpty();
    }
}
