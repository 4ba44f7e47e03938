package io.parley.protocol;

/**
 * Every error code a response or event may carry: ZEGO Express's numbers and meanings where ZEGO has
 * one (API.md), and Parley's own in the 1100xxx range where ZEGO has none (a malformed frame, an
 * unknown type, a bad identifier).
 */
public enum ErrorCode {
    SUCCESS(0, "success"),
    NOT_LOGGED_IN(1000002, "not logged in to the room"),
    STREAM_ID_TOO_LONG(1000014, "streamID too long (256 bytes or more)"),
    STREAM_ID_EMPTY(1000015, "streamID empty"),
    STREAM_ID_INVALID_CHARACTER(1000016, "streamID has an invalid character"),
    WRONG_APP_ID(1001004, "wrong AppID"),
    WRONG_APP_SIGN(1001005, "wrong AppSign"),
    TOO_MANY_ROOMS(1002001, "logged in to more rooms than allowed"),
    AUTHENTICATION_FAILED(1002033, "authentication failed"),
    ROOM_USER_LIMIT(1002034, "room user limit reached"),
    KICKED_DUPLICATE_LOGIN(1002050, "kicked out: the same userID logged in elsewhere"),
    CONNECTION_INTERRUPTED(1002051, "connection interrupted"),
    DISCONNECTED(1002052, "disconnected"),
    RECONNECT_FAILED(1002053, "reconnect gave up"),
    KICKED_TOKEN_EXPIRED(1002056, "kicked out: token expired"),
    NO_CREDENTIALS(1002067, "neither token nor AppSign given"),
    TOO_FREQUENT_APP(1002071, "calls too frequent"),
    TOO_FREQUENT_ROOM(1002072, "calls too frequent in the room"),
    TOKEN_BAD_FORMAT(1002075, "token: bad format"),
    TOKEN_APP_ID_MISMATCH(1002076, "token: AppID mismatch"),
    TOKEN_USER_ID_MISMATCH(1002077, "token: userID mismatch"),
    TOKEN_EXPIRED(1002078, "token: expired"),
    TOKEN_BAD_VERSION(1002079, "token: bad version"),
    ALREADY_PUBLISHING(1003023, "this session is already publishing this stream"),
    PUBLISH_FORBIDDEN(1003025, "publishing forbidden (no privilege)"),
    STREAM_ID_IN_USE(1003028, "the streamID is already being published"),
    EXTRA_INFO_TOO_LONG(1003051, "extra info too long"),
    PLAY_FAILED(1004001, "play failed"),
    STREAM_NOT_FOUND(1004002, "the stream does not exist"),
    PLAY_FORBIDDEN(1004025, "playing forbidden"),
    MESSAGE_TOO_LONG(1009002, "message over 1024 bytes"),
    MESSAGE_TOO_FREQUENT(1009015, "messages too frequent"),
    MALFORMED_MESSAGE(1100001, "malformed message"),
    UNKNOWN_TYPE(1100002, "unknown message type"),
    INVALID_FIELD(1100003, "missing or invalid field"),
    UNSUPPORTED_VERSION(1100004, "unsupported protocol version"),
    INVALID_STATE(1100005, "request not allowed in this state"),
    ROOM_ID_INVALID(1100010, "roomID empty, too long or with an invalid character"),
    USER_ID_INVALID(1100011, "userID empty, too long or with an invalid character"),
    USER_NAME_INVALID(1100012, "userName too long or with a control character"),
    SDP_INVALID(1100030, "SDP unreadable, or nothing in it Parley can send or receive"),
    SESSION_NOT_FOUND(1100021, "no session to resume for this session token"),
    KICKED_BY_SERVER(1100022, "kicked out by the app's server"),
    ROOM_CLOSED(1100023, "the room was closed by the app's server");


    private final int code;
    private final String message;

    ErrorCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** The default human-readable message. */
    public String message() {
        return message;
    }

    /** The constant for a wire number, or {@code null} for a number Parley does not use. */
    public static ErrorCode of(int code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
