package io.parley.protocol;

import java.util.List;

/**
 * A message from a client to the server. Every request carries an {@code id} that its one
 * {@link Response} repeats. {@link #type()} is the envelope's {@code type}. docs/protocol.md specifies each.
 */
public sealed interface Request {
    /** The client's id for this request, echoed in the response. */
    long id();

    /** The envelope's {@code type} string. */
    String type();

    /** Asks for the server nonce that an AppSign proof signs. */
    record Hello(long id) implements Request {
        public String type() {
            return "hello";
        }
    }

    /**
     * Logs a user in to a room with a token or an AppSign proof over the hello nonce, or resumes a lost
     * session with its session token (then the other credentials are not needed). A resume may state
     * the users and streams the client knows ({@code knownUserIDs}, {@code knownStreamIDs}; null when
     * not stated), so that the server replays exactly what the client missed.
     */
    record Login(long id, long appID, String roomID, User user, LoginConfig config, String token,
                 String appSignProof, String sessionToken, List<String> knownUserIDs, List<String> knownStreamIDs)
            implements Request {
        /** A login, or a resume that does not state what the client knows. */
        public Login(long id, long appID, String roomID, User user, LoginConfig config, String token, String appSignProof,
                     String sessionToken) {
            this(id, appID, roomID, user, config, token, appSignProof, sessionToken, null, null);
        }

        public String type() {
            return "login";
        }
    }

    /** The seed's room config: whether the session wants {@code roomUserUpdate}, and a room size cap. */
    record LoginConfig(boolean isUserStatusNotify, int maxMemberCount) {
    }

    /** Leaves the room; the connection may log in again. */
    record Logout(long id) implements Request {
        public String type() {
            return "logout";
        }
    }

    /** Starts publishing a stream; {@code sdp} (optional) is the publisher transport's offer. */
    record Publish(long id, String streamID, String extraInfo, String sdp) implements Request {
        public String type() {
            return "publish";
        }
    }

    /** Stops publishing a stream. */
    record Unpublish(long id, String streamID) implements Request {
        public String type() {
            return "unpublish";
        }
    }

    /**
     * Starts playing a stream, now or once it is published. Its media is negotiated on the
     * subscriber transport ({@code subscriberOffer} / {@code subscriberAnswer}), not here.
     */
    record Play(long id, String streamID) implements Request {
        public String type() {
            return "play";
        }
    }

    /**
     * The client's answer to the server's latest {@code subscriberOffer} event for the subscriber
     * transport; {@code version} is the offer's.
     */
    record SubscriberAnswer(long id, String sdp, long version) implements Request {
        public String type() {
            return "subscriberAnswer";
        }
    }

    /** Stops playing (or waiting for) a stream. */
    record StopPlay(long id, String streamID) implements Request {
        public String type() {
            return "stopPlay";
        }
    }

    /** Sets the extra info of a stream this session publishes. */
    record SetStreamExtraInfo(long id, String streamID, String extraInfo) implements Request {
        public String type() {
            return "setStreamExtraInfo";
        }
    }

    /** Sets one key of the room extra info. */
    record SetRoomExtraInfo(long id, String key, String value) implements Request {
        public String type() {
            return "setRoomExtraInfo";
        }
    }

    /** A message to every other user of the room, under the room broadcast rate. */
    record Broadcast(long id, String message) implements Request {
        public String type() {
            return "broadcast";
        }
    }

    /** A barrage message to every other user of the room. */
    record Barrage(long id, String message) implements Request {
        public String type() {
            return "barrage";
        }
    }

    /** A command to some users of the room; an empty list means every other user of the room. */
    record CustomCommand(long id, String command, List<String> toUserIDs) implements Request {
        public String type() {
            return "customCommand";
        }
    }

    /** Replaces the session's token before it expires. */
    record RenewToken(long id, String token) implements Request {
        public String type() {
            return "renewToken";
        }
    }

    /** The client's side of the heartbeat. */
    record Heartbeat(long id) implements Request {
        public String type() {
            return "heartbeat";
        }
    }
}
