package io.parley.protocol;

/** A broadcast or barrage message as delivered: text, its id, when it was sent (unix ms) and by whom. */
public record ImMessage(String message, long messageID, long sendTime, User fromUser) {
}
