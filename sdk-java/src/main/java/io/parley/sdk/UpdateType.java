package io.parley.sdk;

/** ZEGO's ZegoUpdateType: users or streams that came (ADD) or went (DELETE). */
public enum UpdateType {
    ADD(0),
    DELETE(1);

    private final int value;

    UpdateType(int value) {
        this.value = value;
    }

    /** ZEGO's int value. */
    public int value() {
        return value;
    }

    /** The protocol's {@code "ADD"} / {@code "DELETE"}. */
    public static UpdateType of(String wire) {
        return "DELETE".equals(wire) ? DELETE : ADD;
    }
}
