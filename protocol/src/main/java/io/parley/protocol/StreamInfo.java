package io.parley.protocol;

/** A published stream as {@code roomStreamUpdate} lists it: {@code {streamID, user, extraInfo}}. */
public record StreamInfo(String streamID, User user, String extraInfo) {
}
