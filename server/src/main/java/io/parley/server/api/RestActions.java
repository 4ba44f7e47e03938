package io.parley.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.auth.AuthException;
import java.util.List;
import java.util.Map;

/**
 * The seven actions of ZEGO's room API that Parley answers, each turning the query into a call on
 * {@link RoomAdmin} and the result into {@code Data} with ZEGO's field names.
 */
final class RestActions {
    /** ZEGO's largest DescribeUserList page. */
    static final int MAX_PAGE = 200;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One action: its query in, its {@code Data} out (null: no Data). */
    @FunctionalInterface
    interface Action {
        ObjectNode run(long appId, RestQuery query) throws RestError;
    }

    private final RoomAdmin rooms;
    private final Map<String, Action> byName;

    RestActions(RoomAdmin rooms) {
        this.rooms = rooms;
        this.byName = Map.of(
                "DescribeUserNum", this::describeUserNum,
                "DescribeUserList", this::describeUserList,
                "DescribeUsers", this::describeUsers,
                "KickoutUser", this::kickoutUser,
                "CloseRoom", this::closeRoom,
                "DescribeSimpleStreamList", this::describeSimpleStreamList,
                "SendBroadcastMessage", this::sendBroadcastMessage);
    }

    /** The action called {@code name}, or null. */
    Action find(String name) {
        return byName.get(name);
    }

    private ObjectNode describeUserNum(long appId, RestQuery query) throws RestError {
        List<String> roomIds = query.roomIds(10);
        ArrayNode list = JSON.arrayNode();
        for (RoomUserCount count : rooms.userCounts(appId, roomIds)) {
            list.addObject()
                    .put("RoomId", count.roomId())
                    .put("UserCount", count.userCount())
                    .put("AdminUserCount", count.adminUserCount());
        }
        ObjectNode data = JSON.objectNode();
        data.set("UserCountList", list);
        return data;
    }

    private ObjectNode describeUserList(long appId, RestQuery query) throws RestError {
        String roomId = query.roomId();
        if (query.integer("Mode", 0, 1, 0) != 0) {
            throw RestError.badParameter("Mode 1 (newest first) is not supported; use 0 (login order)");
        }
        int limit = query.integer("Limit", 0, MAX_PAGE, MAX_PAGE);
        String marker = query.text("Marker", 256);
        UserPage page = rooms.users(appId, roomId, marker, limit == 0 ? MAX_PAGE : limit);
        ArrayNode list = JSON.arrayNode();
        for (RoomUser user : page.users()) {
            list.addObject()
                    .put("UserId", user.userId())
                    .put("UserName", user.userName())
                    .put("UserRole", user.userRole())
                    .put("LoginTime", user.loginTime());
        }
        ObjectNode data = JSON.objectNode().put("Marker", page.nextMarker());
        data.set("UserList", list);
        return data;
    }

    private ObjectNode describeUsers(long appId, RestQuery query) throws RestError {
        String roomId = query.roomId();
        List<String> userIds = query.userIds(10);
        ArrayNode list = JSON.arrayNode();
        for (UserStatus status : rooms.describeUsers(appId, userIds)) {
            ObjectNode user = list.addObject()
                    .put("UserId", status.userId())
                    .put("Online", status.online())
                    .put("InRoom", status.roomIds().contains(roomId));
            ArrayNode roomIds = user.putArray("RoomIds");
            status.roomIds().forEach(roomIds::add);
        }
        ObjectNode data = JSON.objectNode();
        data.set("UserList", list);
        return data;
    }

    private ObjectNode kickoutUser(long appId, RestQuery query) throws RestError {
        String roomId = query.roomId();
        List<String> userIds = query.userIds(5);
        String reason = query.text("CustomReason", 256);
        requireRoom(appId, roomId);
        rooms.kickout(appId, roomId, userIds, reason);
        return null;
    }

    private ObjectNode closeRoom(long appId, RestQuery query) throws RestError {
        String roomId = query.roomId();
        String reason = query.text("CustomReason", 256);
        // Parley has no server callbacks yet, so RoomCloseCallback is checked and has no effect.
        query.bool("RoomCloseCallback");
        if (!rooms.closeRoom(appId, roomId, reason)) {
            throw noRoom(roomId);
        }
        return null;
    }

    private ObjectNode describeSimpleStreamList(long appId, RestQuery query) throws RestError {
        String roomId = query.roomId();
        ArrayNode list = JSON.arrayNode();
        for (StreamInfo stream : rooms.streams(appId, roomId)) {
            list.addObject()
                    .put("StreamId", stream.streamId())
                    .put("UserId", stream.userId())
                    .put("UserName", stream.userName())
                    .put("ExtraInfo", stream.extraInfo())
                    .put("CreateTime", stream.createTime());
        }
        ObjectNode data = JSON.objectNode();
        data.set("StreamList", list);
        return data;
    }

    private ObjectNode sendBroadcastMessage(long appId, RestQuery query) throws RestError {
        String roomId = query.roomId();
        String userId = query.userId();
        String userName = query.text("UserName", 255);
        query.integer("MessageCategory", 1, 2, 2);
        String content = query.text("MessageContent", 1024);
        if (content.isEmpty()) {
            throw RestError.badParameter("MessageContent is missing");
        }
        try {
            rooms.broadcast(appId, roomId, userId, userName, content);
        } catch (AuthException e) {
            throw new RestError(e.code(), httpStatusOf(e.code()), e.getMessage());
        }
        return null;
    }

    private void requireRoom(long appId, String roomId) throws RestError {
        List<RoomUserCount> counts = rooms.userCounts(appId, List.of(roomId));
        if (counts.isEmpty() || counts.get(0).userCount() == 0) {
            throw noRoom(roomId);
        }
    }

    private static RestError noRoom(String roomId) {
        return new RestError(RestError.NO_ROOM, 404, "room '" + roomId + "' does not exist");
    }

    private static int httpStatusOf(int code) {
        if (code == RestError.NO_ROOM) {
            return 404;
        }
        return code == 1009015 || code == 1002071 || code == 1002072 ? 429 : 400;
    }
}
