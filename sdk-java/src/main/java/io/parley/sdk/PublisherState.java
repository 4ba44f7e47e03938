package io.parley.sdk;

/** ZEGO's ZegoPublisherState ({@code onPublisherStateUpdate}, API.md). */
public enum PublisherState {
    NO_PUBLISH(0),
    PUBLISH_REQUESTING(1),
    PUBLISHING(2);

    private final int value;

    PublisherState(int value) {
        this.value = value;
    }

    /** ZEGO's int value. */
    public int value() {
        return value;
    }
}
