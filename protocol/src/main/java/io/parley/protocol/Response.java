package io.parley.protocol;

import java.util.List;

/**
 * The one answer to a request: its id, {@code code} (0 on success, else an {@link ErrorCode} number),
 * a message, and for some requests a body whose fields are written beside the envelope's.
 */
public record Response(long id, int code, String message, Body body) implements ServerMessage {

    /** A success with no body. */
    public static Response ok(long id) {
        return new Response(id, 0, "ok", null);
    }

    /** A success with a body. */
    public static Response ok(long id, Body body) {
        return new Response(id, 0, "ok", body);
    }

    /** A failure. */
    public static Response error(long id, ErrorCode code, String message) {
        return new Response(id, code.code(), message, null);
    }

    /** The fields some responses add. */
    public sealed interface Body {
    }

    /** Answer to hello: the nonce an AppSign proof signs, and the heartbeat period the server expects. */
    public record Challenge(String nonce, int heartbeatIntervalSeconds) implements Body {
    }

    /**
     * Answer to login: the room's state at login (empty lists on a resume, whose differences arrive as
     * events), the session token for a reconnect, and when the token expires (0: never).
     */
    public record LoginResult(String roomSessionID, String sessionToken, boolean resumed, List<User> userList,
                              List<StreamInfo> streamList, List<RoomExtraInfo> roomExtraInfoList,
                              long tokenExpireTime) implements Body {
    }

    /** Answer to publish: the stream and, once the SFU is wired, the server's SDP answer. */
    public record PublishResult(String streamID, String sdp) implements Body {
    }

    /** Answer to play: PLAYING, or PLAY_REQUESTING while the stream is not published yet. */
    public record PlayResult(String streamID, String state, String sdp) implements Body {
    }

    /** Answer to broadcast and barrage: the id given to the message. */
    public record MessageSent(long messageID) implements Body {
    }

    /** Answer to renewToken: the new expiry (unix seconds). */
    public record Renewed(long tokenExpireTime) implements Body {
    }
}
