package io.parley.sdk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * An EventHandler that records every callback, in order, as its name and arguments, and lets a
 * test wait (bounded) for one. It also checks that one engine's callbacks never overlap.
 */
final class Events implements EventHandler {
    /** One callback: its name without "on", and its arguments. */
    record Call(String name, List<Object> args) {
        Object arg(int i) {
            return args.get(i);
        }

        @Override
        public String toString() {
            return name + args;
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private int cursor;
    private volatile boolean inside;
    private volatile boolean overlapped;

    private void record(String name, Object... args) {
        if (inside) {
            overlapped = true;
        }
        inside = true;
        synchronized (calls) {
            calls.add(new Call(name, Arrays.asList(args)));
            calls.notifyAll();
        }
        inside = false;
    }

    /** Waits up to 10 s for the next callback named {@code name} after those already taken. */
    Call next(String name) {
        return next(name, c -> true);
    }

    /** Waits up to 10 s for the next callback named {@code name} that matches. */
    Call next(String name, Predicate<Call> match) {
        Call c = find(name, match, 10_000);
        if (c == null) {
            throw new AssertionError("no " + name + " within 10 s; got " + all());
        }
        return c;
    }

    /** Whether a callback named {@code name} comes within {@code millis}. */
    boolean sees(String name, long millis) {
        return find(name, c -> true, millis) != null;
    }

    private Call find(String name, Predicate<Call> match, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (calls) {
            for (;;) {
                for (int i = cursor; i < calls.size(); i++) {
                    Call c = calls.get(i);
                    if (c.name.equals(name) && match.test(c)) {
                        cursor = i + 1;
                        return c;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                try {
                    calls.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }

    List<Call> all() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    List<Call> named(String name) {
        return all().stream().filter(c -> c.name.equals(name)).toList();
    }

    boolean overlapped() {
        return overlapped;
    }

    @Override
    public void onRoomStateUpdate(String roomID, RoomState state, int errorCode, String extendedData) {
        record("RoomStateUpdate", roomID, state, errorCode, extendedData);
    }

    @Override
    public void onRoomStateChanged(String roomID, RoomStateChangedReason reason, int errorCode, String extendedData) {
        record("RoomStateChanged", roomID, reason, errorCode, extendedData);
    }

    @Override
    public void onRoomUserUpdate(String roomID, UpdateType updateType, List<User> userList) {
        record("RoomUserUpdate", roomID, updateType, userList);
    }

    @Override
    public void onRoomOnlineUserCountUpdate(String roomID, int count) {
        record("RoomOnlineUserCountUpdate", roomID, count);
    }

    @Override
    public void onRoomStreamUpdate(String roomID, UpdateType updateType, List<StreamInfo> streamList, String extendedData) {
        record("RoomStreamUpdate", roomID, updateType, streamList, extendedData);
    }

    @Override
    public void onRoomStreamExtraInfoUpdate(String roomID, List<StreamInfo> streamList) {
        record("RoomStreamExtraInfoUpdate", roomID, streamList);
    }

    @Override
    public void onRoomExtraInfoUpdate(String roomID, List<RoomExtraInfo> roomExtraInfoList) {
        record("RoomExtraInfoUpdate", roomID, roomExtraInfoList);
    }

    @Override
    public void onRoomTokenWillExpire(String roomID, int remainTimeInSecond) {
        record("RoomTokenWillExpire", roomID, remainTimeInSecond);
    }

    @Override
    public void onPublisherStateUpdate(String streamID, PublisherState state, int errorCode, String extendedData) {
        record("PublisherStateUpdate", streamID, state, errorCode, extendedData);
    }

    @Override
    public void onPlayerStateUpdate(String streamID, PlayerState state, int errorCode, String extendedData) {
        record("PlayerStateUpdate", streamID, state, errorCode, extendedData);
    }

    @Override
    public void onPublisherQualityUpdate(String streamID, PublishStreamQuality quality) {
        record("PublisherQualityUpdate", streamID, quality);
    }

    @Override
    public void onPlayerQualityUpdate(String streamID, PlayStreamQuality quality) {
        record("PlayerQualityUpdate", streamID, quality);
    }

    @Override
    public void onPlayerRecvAudioFirstFrame(String streamID) {
        record("PlayerRecvAudioFirstFrame", streamID);
    }

    @Override
    public void onPlayerRecvVideoFirstFrame(String streamID) {
        record("PlayerRecvVideoFirstFrame", streamID);
    }

    @Override
    public void onIMRecvBroadcastMessage(String roomID, List<BroadcastMessageInfo> messageList) {
        record("IMRecvBroadcastMessage", roomID, messageList);
    }

    @Override
    public void onIMRecvBarrageMessage(String roomID, List<BarrageMessageInfo> messageList) {
        record("IMRecvBarrageMessage", roomID, messageList);
    }

    @Override
    public void onIMRecvCustomCommand(String roomID, User fromUser, String command) {
        record("IMRecvCustomCommand", roomID, fromUser, command);
    }
}
