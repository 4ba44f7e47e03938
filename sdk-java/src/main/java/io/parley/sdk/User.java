package io.parley.sdk;

/** A user in a room (ZEGO's ZegoUser): the id is unique in the room, the name is for display. */
public record User(String userID, String userName) {
    /** A user whose name is its id. */
    public User(String userID) {
        this(userID, userID);
    }
}
