package io.parley.server.room;

/** A broadcast or barrage message as delivered to the room. */
public record TextMessage(String message, long messageId, long sendTime, Member from) {
}
