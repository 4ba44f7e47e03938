package io.parley.server.room;

/** A stream being published in a room, by whom, its extra info, and when publishing began (unix ms). */
public record PublishedStream(String streamId, Member user, String extraInfo, long createTimeMillis) {
    PublishedStream withExtraInfo(String newExtraInfo) {
        return new PublishedStream(streamId, user, newExtraInfo, createTimeMillis);
    }
}
