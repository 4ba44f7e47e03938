package io.parley.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A message the server pushes, named after the ZEGO callback it drives ({@link #event()} is the
 * envelope's {@code event}). docs/protocol.md specifies each.
 */
public sealed interface Event extends ServerMessage {
    /** ADD or DELETE, as ZEGO's web SDK spells it. */
    String ADD = "ADD";
    String DELETE = "DELETE";

    /** The envelope's {@code event} string. */
    String event();

    /** Users joined (ADD) or left (DELETE); only to sessions that asked for user updates. */
    record RoomUserUpdate(String roomID, String updateType, List<User> userList) implements Event {
        public String event() {
            return "roomUserUpdate";
        }
    }

    /** {@code extendedData} is null on ADD; on DELETE it gives each stream's reason. */
    record RoomStreamUpdate(String roomID, String updateType, List<StreamInfo> streamList,
                            DeleteData extendedData) implements Event {
        public String event() {
            return "roomStreamUpdate";
        }
    }

    /** ZEGO's {@code extendedData} of a stream DELETE: {@code {"stream_delete_reason": [{streamID, code}]}}. */
    record DeleteData(@JsonProperty("stream_delete_reason") List<StreamDeleteReason> streamDeleteReason) {
    }

    /** Streams' extra info changed. */
    record RoomStreamExtraInfoUpdate(String roomID, List<StreamInfo> streamList) implements Event {
        public String event() {
            return "roomStreamExtraInfoUpdate";
        }
    }

    /** A key of the room extra info was set. */
    record RoomExtraInfoUpdate(String roomID, List<RoomExtraInfo> roomExtraInfoList) implements Event {
        public String event() {
            return "roomExtraInfoUpdate";
        }
    }

    /** The room's user count, every 30 seconds. */
    record RoomOnlineUserCountUpdate(String roomID, int count) implements Event {
        public String event() {
            return "roomOnlineUserCountUpdate";
        }
    }

    /** A broadcast message from another user of the room. */
    record ImRecvBroadcastMessage(String roomID, List<ImMessage> messageList) implements Event {
        public String event() {
            return "IMRecvBroadcastMessage";
        }
    }

    /** A barrage message from another user of the room. */
    record ImRecvBarrageMessage(String roomID, List<ImMessage> messageList) implements Event {
        public String event() {
            return "IMRecvBarrageMessage";
        }
    }

    /** A custom command sent to this user. */
    record ImRecvCustomCommand(String roomID, User fromUser, String command) implements Event {
        public String event() {
            return "IMRecvCustomCommand";
        }
    }

    /** The session's token expires in {@code remainTimeInSecond}; renew it. */
    record RoomTokenWillExpire(String roomID, int remainTimeInSecond) implements Event {
        public String event() {
            return "roomTokenWillExpire";
        }
    }

    /** The session is over; {@code errorCode} says why (1002050 duplicate login, 1002056 token expired, ...). */
    record KickedOut(String roomID, int errorCode, String reason) implements Event {
        public String event() {
            return "kickedOut";
        }
    }

    /** A play of this session changed state: PLAY_REQUESTING (waiting for the stream) or PLAYING. */
    record PlayerStateUpdate(String streamID, String state, int errorCode) implements Event {
        public String event() {
            return "playerStateUpdate";
        }
    }

    /**
     * The server's offer for the session's subscriber transport (RFC 8829 §5.2): one m-section per
     * played track, stopped plays' sections inactive. The client answers with
     * {@code subscriberAnswer} carrying the same {@code version}.
     */
    record SubscriberOffer(String sdp, long version) implements Event {
        public String event() {
            return "subscriberOffer";
        }
    }

    /** The server's side of the heartbeat: sent every interval so a client notices a dead server. */
    record Heartbeat(long serverTime) implements Event {
        public String event() {
            return "heartbeat";
        }
    }
}
