package io.parley.server.room;

/** A user of a room: userID and userName. */
public record Member(String userId, String userName) {
}
