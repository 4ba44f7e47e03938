package io.parley.sdk.session;

import com.fasterxml.jackson.databind.JsonNode;

/** What the engine's publishers and players hear of their room session, on the engine's loop. */
public interface SessionListener {
    /** The signaling socket was lost; the session is trying to resume. */
    void onReconnecting();

    /** The session resumed on a new socket. */
    void onResumed();

    /** The session is over (logout 0, kick-out, resume failed): the server stopped its streams and plays. */
    void onEnded(int errorCode);

    /** An event of the media stage: {@code playerStateUpdate}, {@code subscriberOffer}. */
    void onMediaEvent(JsonNode event);
}
