package io.parley.protocol;

/** A user as ZEGO shows it: {@code {userID, userName}}. */
public record User(String userID, String userName) {
}
