package io.parley.sdk;

/** ZEGO's ZegoPlayerState ({@code onPlayerStateUpdate}, API.md). */
public enum PlayerState {
    NO_PLAY(0),
    PLAY_REQUESTING(1),
    PLAYING(2);

    private final int value;

    PlayerState(int value) {
        this.value = value;
    }

    /** ZEGO's int value. */
    public int value() {
        return value;
    }
}
