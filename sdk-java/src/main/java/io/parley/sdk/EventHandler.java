package io.parley.sdk;

import java.util.List;

/**
 * ZEGO's IZegoEventHandler: every callback of API.md "Events" as a default method, with ZEGO's
 * arguments and enum values. One engine's callbacks are delivered in order on its callback thread
 * (a shared pool runs each engine's callbacks one at a time), after the future of the call that
 * caused them has completed. A callback must not wait on another call's future: that future is
 * completed on the same callback thread.
 */
public interface EventHandler {
    /** The room's state changed; on CONNECTED {@code extendedData} is {@code {"room_session_id": "..."}}. */
    default void onRoomStateUpdate(String roomID, RoomState state, int errorCode, String extendedData) {
    }

    /** The room's state changed, with ZEGO's finer reason (LOGINING, RECONNECTING, KICKOUT, ...). */
    default void onRoomStateChanged(String roomID, RoomStateChangedReason reason, int errorCode, String extendedData) {
    }

    /** Users came or went; only when the login asked for it ({@link RoomConfig#isUserStatusNotify()}). */
    default void onRoomUserUpdate(String roomID, UpdateType updateType, List<User> userList) {
    }

    /** The room's user count, every 30 seconds. */
    default void onRoomOnlineUserCountUpdate(String roomID, int count) {
    }

    /**
     * Streams started or stopped. On DELETE {@code extendedData} is
     * {@code {"stream_delete_reason":[{"streamID":"s1","code":1}]}} (1 stopped by the user, 2 heartbeat
     * timeout, 3 duplicate login, 4 kicked out, 5 disconnected, 6 removed by the server); on ADD {@code {}}.
     */
    default void onRoomStreamUpdate(String roomID, UpdateType updateType, List<StreamInfo> streamList,
                                    String extendedData) {
    }

    /** Streams' extra info changed. */
    default void onRoomStreamExtraInfoUpdate(String roomID, List<StreamInfo> streamList) {
    }

    /** A key of the room's extra info was set. */
    default void onRoomExtraInfoUpdate(String roomID, List<RoomExtraInfo> roomExtraInfoList) {
    }

    /** The login's token expires in {@code remainTimeInSecond} (30 s ahead): call renewToken. */
    default void onRoomTokenWillExpire(String roomID, int remainTimeInSecond) {
    }

    /** A stream of this engine changed publish state. */
    default void onPublisherStateUpdate(String streamID, PublisherState state, int errorCode, String extendedData) {
    }

    /** A stream this engine plays changed play state. */
    default void onPlayerStateUpdate(String streamID, PlayerState state, int errorCode, String extendedData) {
    }

    /** Every 3 seconds per published stream. */
    default void onPublisherQualityUpdate(String streamID, PublishStreamQuality quality) {
    }

    /** Every 3 seconds per played stream. */
    default void onPlayerQualityUpdate(String streamID, PlayStreamQuality quality) {
    }

    /** The first audio packet of a played stream arrived. */
    default void onPlayerRecvAudioFirstFrame(String streamID) {
    }

    /** The first video packet of a played stream arrived. */
    default void onPlayerRecvVideoFirstFrame(String streamID) {
    }

    /** Broadcast messages from others in the room. */
    default void onIMRecvBroadcastMessage(String roomID, List<BroadcastMessageInfo> messageList) {
    }

    /** Barrage messages from others in the room. */
    default void onIMRecvBarrageMessage(String roomID, List<BarrageMessageInfo> messageList) {
    }

    /** A custom command sent to this user. */
    default void onIMRecvCustomCommand(String roomID, User fromUser, String command) {
    }
}
