package io.parley.server.room;

import io.parley.protocol.ErrorCode;

/**
 * The answer to one room operation, called on the room's executor before any event the operation
 * causes, so a client always reads the response to its request before the updates that follow it.
 */
public interface Reply<T> {
    void ok(T value);

    void fail(ErrorCode code, String message);
}
