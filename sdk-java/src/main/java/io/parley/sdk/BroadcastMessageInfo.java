package io.parley.sdk;

/** A broadcast message received (ZEGO's ZegoBroadcastMessageInfo); {@code sendTime} in unix milliseconds. */
public record BroadcastMessageInfo(String message, long messageID, long sendTime, User fromUser) {
}
