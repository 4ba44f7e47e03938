package io.parley.sdk;

/** A published stream as the room lists it (ZEGO's ZegoStream): its id, its publisher and its extra info. */
public record StreamInfo(String streamID, User user, String extraInfo) {
}
