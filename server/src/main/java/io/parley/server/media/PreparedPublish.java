package io.parley.server.media;

/**
 * A publish whose offer has been answered but which the room has not accepted yet: handed back to
 * {@link MediaService#commitPublish} once it has, dropped otherwise (nothing was started).
 */
public final class PreparedPublish {
    final String streamId;
    final PublisherAnswer answer;
    final RemotePeer remote;

    PreparedPublish(String streamId, PublisherAnswer answer, RemotePeer remote) {
        this.streamId = streamId;
        this.answer = answer;
        this.remote = remote;
    }
}
