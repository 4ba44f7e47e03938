package io.parley.protocol;

/**
 * Why a stream left a room: one entry of {@code extendedData.stream_delete_reason} in a DELETE
 * {@code roomStreamUpdate}, with ZEGO's codes (API.md).
 */
public record StreamDeleteReason(String streamID, int code) {
    public static final int STOPPED_BY_USER = 1;
    public static final int HEARTBEAT_TIMEOUT = 2;
    public static final int DUPLICATE_LOGIN = 3;
    public static final int KICKED_OUT = 4;
    public static final int DISCONNECTED = 5;
    public static final int REMOVED_BY_SERVER = 6;
}
