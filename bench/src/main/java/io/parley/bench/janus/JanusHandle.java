package io.parley.bench.janus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A handle of a {@link JanusClient} session attached to one plugin: its messages (a plugin
 * request with an optional JSEP offer or answer), the end of our ICE candidates, and the events
 * that answer no request (webrtcup, media, slowlink, hangup), which go to one listener.
 */
public final class JanusHandle {
    private final JanusClient client;
    private final long id;
    private volatile Consumer<JanusReply> listener = r -> { };

    JanusHandle(JanusClient client, long id) {
        this.client = client;
        this.id = id;
    }

    public long id() {
        return id;
    }

    /**
     * Sends a plugin request ({@code body}) with {@code jsep} (may be null) and completes with the
     * plugin's answer: at once for synchronous requests (VideoRoom's create), or with the event
     * for asynchronous ones (join, publish, start).
     */
    public CompletableFuture<JanusReply> message(ObjectNode body, JanusReply.Jsep jsep) {
        ObjectNode msg = JanusClient.JSON.createObjectNode().put("janus", "message");
        msg.set("body", body);
        if (jsep != null) {
            msg.putObject("jsep").put("type", jsep.type()).put("sdp", jsep.sdp());
        }
        return client.send(client.handleUri(id), msg);
    }

    /** Tells Janus our candidates are all in the SDP already (RFC 8838 end-of-candidates). */
    public CompletableFuture<JanusReply> trickleCompleted() {
        ObjectNode msg = JanusClient.JSON.createObjectNode().put("janus", "trickle");
        msg.putObject("candidate").put("completed", true);
        return client.send(client.handleUri(id), msg, true);
    }

    /** Detaches the handle, which hangs up its PeerConnection on Janus. */
    public CompletableFuture<JanusReply> detach() {
        client.forget(this);
        return client.send(client.handleUri(id), JanusClient.JSON.createObjectNode().put("janus", "detach"));
    }

    /** Where events that answer no request go; null when the session closes. */
    public void listener(Consumer<JanusReply> l) {
        this.listener = l;
    }

    void deliver(JanusReply r) {
        listener.accept(r);
    }
}
