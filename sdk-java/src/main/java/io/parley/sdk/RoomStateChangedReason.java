package io.parley.sdk;

/** ZEGO's ZegoRoomStateChangedReason: why the room state changed ({@code roomStateChanged}, API.md). */
public enum RoomStateChangedReason {
    LOGINING(0),
    LOGINED(1),
    LOGIN_FAILED(2),
    RECONNECTING(3),
    RECONNECTED(4),
    RECONNECT_FAILED(5),
    KICKOUT(6),
    LOGOUT(7),
    LOGOUT_FAILED(8);

    private final int value;

    RoomStateChangedReason(int value) {
        this.value = value;
    }

    /** ZEGO's int value. */
    public int value() {
        return value;
    }

    /** The coarse {@link RoomState} this reason leaves the room in. */
    public RoomState state() {
        return switch (this) {
            case LOGINING, RECONNECTING -> RoomState.CONNECTING;
            case LOGINED, RECONNECTED -> RoomState.CONNECTED;
            default -> RoomState.DISCONNECTED;
        };
    }
}
