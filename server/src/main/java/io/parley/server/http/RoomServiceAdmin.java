package io.parley.server.http;

import io.parley.protocol.ErrorCode;
import io.parley.protocol.Limits;
import io.parley.protocol.ProtocolException;
import io.parley.server.api.RoomAdmin;
import io.parley.server.api.RoomUser;
import io.parley.server.api.RoomUserCount;
import io.parley.server.api.StreamInfo;
import io.parley.server.api.UserPage;
import io.parley.server.api.UserStatus;
import io.parley.server.auth.AuthException;
import io.parley.server.room.Member;
import io.parley.server.room.RoomRefusal;
import io.parley.server.room.RoomService;
import io.parley.server.room.RoomSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The REST API's {@link RoomAdmin} over the room service: each call waits (bounded) for the room's
 * executor to answer, since the REST handler is synchronous.
 */
public final class RoomServiceAdmin implements RoomAdmin {
    /** ZEGO's server API code for a room that does not exist. */
    static final int ROOM_NOT_FOUND = 104;
    private static final long WAIT_SECONDS = 5;

    private final RoomService rooms;

    public RoomServiceAdmin(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    public List<RoomUserCount> userCounts(long appId, List<String> roomIds) {
        List<RoomUserCount> out = new ArrayList<>();
        for (String roomId : roomIds) {
            RoomSnapshot s = await(rooms.snapshot(appId, roomId));
            out.add(new RoomUserCount(roomId, s == null ? 0 : s.users().size(), 0));
        }
        return out;
    }

    /** The marker is the last listed user's login time and userID, so a page stays stable as users come and go. */
    @Override
    public UserPage users(long appId, String roomId, String marker, int limit) {
        RoomSnapshot s = await(rooms.snapshot(appId, roomId));
        if (s == null) {
            return new UserPage(List.of(), "");
        }
        List<RoomSnapshot.Presence> all = s.users();
        int start = startAfter(all, marker);
        List<RoomUser> page = new ArrayList<>();
        int end = Math.min(all.size(), start + Math.max(0, limit));
        for (int i = start; i < end; i++) {
            RoomSnapshot.Presence p = all.get(i);
            page.add(new RoomUser(p.member().userId(), p.member().userName(), 0, p.loginTimeMillis() / 1000));
        }
        String next = end < all.size() && end > start ? markerOf(all.get(end - 1)) : "";
        return new UserPage(page, next);
    }

    @Override
    public List<UserStatus> describeUsers(long appId, List<String> userIds) {
        List<UserStatus> out = new ArrayList<>();
        for (String userId : userIds) {
            List<String> in = rooms.roomsOf(appId, userId);
            out.add(new UserStatus(userId, !in.isEmpty(), in));
        }
        return out;
    }

    @Override
    public int kickout(long appId, String roomId, List<String> userIds, String reason) {
        Integer n = await(rooms.kick(appId, roomId, userIds, reason));
        return n == null ? 0 : n;
    }

    @Override
    public boolean closeRoom(long appId, String roomId, String reason) {
        return Boolean.TRUE.equals(await(rooms.close(appId, roomId, reason)));
    }

    @Override
    public List<StreamInfo> streams(long appId, String roomId) {
        RoomSnapshot s = await(rooms.snapshot(appId, roomId));
        if (s == null) {
            return List.of();
        }
        return s.streams().stream().map(p -> new StreamInfo(p.streamId(), p.user().userId(), p.user().userName(),
                p.extraInfo(), p.createTimeMillis() / 1000)).toList();
    }

    @Override
    public void broadcast(long appId, String roomId, String fromUserId, String fromUserName, String message) throws AuthException {
        try {
            Limits.checkMessage(message);
        } catch (ProtocolException e) {
            throw new AuthException(e.code().code(), e.getMessage());
        }
        try {
            rooms.serverBroadcast(appId, roomId, new Member(fromUserId, fromUserName), message).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RoomRefusal r) {
                throw new AuthException(r.code() == ErrorCode.NOT_LOGGED_IN ? ROOM_NOT_FOUND : r.code().code(), r.getMessage());
            }
            throw new IllegalStateException("broadcast failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("room " + roomId + " did not answer in time", e);
        }
    }

    private static int startAfter(List<RoomSnapshot.Presence> all, String marker) {
        if (marker == null || marker.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < all.size(); i++) {
            if (markerOf(all.get(i)).equals(marker)) {
                return i + 1;
            }
        }
        // The marker's user has left: go on after the last user who logged in no later than it.
        int colon = marker.indexOf(':');
        long time;
        try {
            time = Long.parseLong(colon < 0 ? marker : marker.substring(0, colon));
        } catch (NumberFormatException e) {
            return all.size();
        }
        int i = 0;
        while (i < all.size() && all.get(i).loginTimeMillis() <= time) {
            i++;
        }
        return i;
    }

    private static String markerOf(RoomSnapshot.Presence p) {
        return p.loginTimeMillis() + ":" + p.member().userId();
    }

    private static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the room did not answer", e);
        }
    }
}
