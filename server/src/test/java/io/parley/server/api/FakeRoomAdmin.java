package io.parley.server.api;

import io.parley.server.auth.AuthException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory room service for one app, standing in at the {@link RoomAdmin} seam: rooms of users
 * in login order, their streams, and a record of what the API asked it to do.
 */
final class FakeRoomAdmin implements RoomAdmin {
    final Map<String, List<RoomUser>> rooms = new LinkedHashMap<>();
    final Map<String, List<StreamInfo>> streams = new LinkedHashMap<>();
    final List<String> log = new ArrayList<>();
    AuthException broadcastRefusal;
    RuntimeException failure;

    void login(String roomId, String userId) {
        rooms.computeIfAbsent(roomId, r -> new ArrayList<>()).add(new RoomUser(userId, "name-" + userId, 0, 1000));
    }

    private void maybeFail() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public List<RoomUserCount> userCounts(long appId, List<String> roomIds) {
        maybeFail();
        return roomIds.stream().map(r -> new RoomUserCount(r, rooms.getOrDefault(r, List.of()).size(), 0)).toList();
    }

    @Override
    public UserPage users(long appId, String roomId, String marker, int limit) {
        List<RoomUser> all = rooms.getOrDefault(roomId, List.of());
        int from = marker.isEmpty() ? 0 : issuedMarker(marker, all.size());
        int to = Math.min(all.size(), from + limit);
        return new UserPage(all.subList(from, to), to < all.size() ? Integer.toString(to) : "");
    }

    /** The index a marker stands for; one this fake did not issue ends the listing. */
    private static int issuedMarker(String marker, int size) {
        try {
            int index = Integer.parseInt(marker);
            return index >= 0 && index <= size ? index : size;
        } catch (NumberFormatException e) {
            return size;
        }
    }

    @Override
    public List<UserStatus> describeUsers(long appId, List<String> userIds) {
        List<UserStatus> out = new ArrayList<>();
        for (String userId : userIds) {
            List<String> in = rooms.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(u -> u.userId().equals(userId)))
                    .map(Map.Entry::getKey).toList();
            out.add(new UserStatus(userId, !in.isEmpty(), in));
        }
        return out;
    }

    @Override
    public int kickout(long appId, String roomId, List<String> userIds, String reason) {
        log.add("kickout " + roomId + " " + userIds + " " + reason);
        List<RoomUser> users = rooms.getOrDefault(roomId, new ArrayList<>());
        int before = users.size();
        users.removeIf(u -> userIds.contains(u.userId()));
        return before - users.size();
    }

    @Override
    public boolean closeRoom(long appId, String roomId, String reason) {
        log.add("close " + roomId + " " + reason);
        return rooms.remove(roomId) != null;
    }

    @Override
    public List<StreamInfo> streams(long appId, String roomId) {
        return streams.getOrDefault(roomId, List.of());
    }

    @Override
    public void broadcast(long appId, String roomId, String fromUserId, String fromUserName, String message)
            throws AuthException {
        if (broadcastRefusal != null) {
            throw broadcastRefusal;
        }
        if (!rooms.containsKey(roomId)) {
            throw new AuthException(104, "room does not exist");
        }
        log.add("broadcast " + roomId + " " + fromUserId + " " + fromUserName + ": " + message);
    }
}
