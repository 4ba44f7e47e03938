package io.parley.server.room;

import io.parley.protocol.ErrorCode;

/** A room operation refused by a rule, with API.md's code; how admin futures fail. */
public final class RoomRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public RoomRefusal(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
