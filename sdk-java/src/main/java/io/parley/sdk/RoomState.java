package io.parley.sdk;

/** ZEGO's ZegoRoomState: whether the engine is in its room (API.md "Events", {@code roomStateUpdate}). */
public enum RoomState {
    DISCONNECTED(0),
    CONNECTING(1),
    CONNECTED(2);

    private final int value;

    RoomState(int value) {
        this.value = value;
    }

    /** ZEGO's int value. */
    public int value() {
        return value;
    }
}
