package io.parley.bench.janus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The requests of Janus's VideoRoom plugin (janus.plugin.videoroom, Janus 1.x multistream API)
 * the benchmarks use, and what their answers carry: create a room, join it as a publisher and
 * publish with our offer, join as a subscriber to one feed (Janus offers) and start with our
 * answer, destroy the room.
 */
public final class JanusVideoRoom {
    public static final String PLUGIN = "janus.plugin.videoroom";

    private JanusVideoRoom() {
    }

    /**
     * A room for up to {@code publishers} feeds, VP8 and Opus only, with no bitrate cap (the
     * load sets the rate) and no recording.
     */
    public static ObjectNode create(long room, int publishers) {
        return body("create").put("room", room).put("publishers", publishers).put("bitrate", 0)
                .put("videocodec", "vp8").put("audiocodec", "opus").put("record", false).put("permanent", false)
                .put("description", "parley bench " + room);
    }

    public static ObjectNode destroy(long room) {
        return body("destroy").put("room", room).put("permanent", false);
    }

    /** Join as a publisher; the event {@code joined} carries our feed id. */
    public static ObjectNode joinPublisher(long room, String display) {
        return body("join").put("ptype", "publisher").put("room", room).put("display", display);
    }

    /** Publish what our offer (the JSEP sent along) holds; the event carries Janus's answer. */
    public static ObjectNode publish() {
        return body("publish");
    }

    /** Join as a subscriber to every stream of {@code feed}; the event {@code attached} carries Janus's offer. */
    public static ObjectNode joinSubscriber(long room, long feed) {
        ObjectNode b = body("join").put("ptype", "subscriber").put("room", room);
        b.putArray("streams").addObject().put("feed", feed);
        return b;
    }

    /** Start the subscription with our answer (the JSEP sent along). */
    public static ObjectNode start() {
        return body("start");
    }

    /** Creates {@code room} through {@code h}; a room that already exists (427) is fine. */
    public static CompletableFuture<Long> createRoom(JanusHandle h, long room, int publishers) {
        return h.message(create(room, publishers), null).handle((r, e) -> {
            Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (c instanceof JanusException je && je.code() == 427) {
                return room;
            }
            if (c != null) {
                throw new CompletionException(c);
            }
            if (!"created".equals(r.videoroom())) {
                throw new CompletionException(new JanusException(JanusException.BAD_REPLY, "create answered " + r.raw()));
            }
            return r.plugin().path("room").asLong(room);
        });
    }

    /** The feed id in a {@code joined} event. */
    static long feedId(JanusReply joined) throws JanusException {
        if (!"joined".equals(joined.videoroom()) || !joined.plugin().path("id").canConvertToLong()) {
            throw new JanusException(JanusException.BAD_REPLY, "expected videoroom \"joined\" with an id, got " + joined.raw());
        }
        return joined.plugin().get("id").asLong();
    }

    /** The JSEP an answer event must carry, of the type we expect. */
    static JanusReply.Jsep jsep(JanusReply r, String type) throws JanusException {
        if (r.jsep() == null || !type.equals(r.jsep().type())) {
            throw new JanusException(JanusException.SDP, "expected a JSEP " + type + " from Janus, got " + r.raw());
        }
        return r.jsep();
    }

    private static ObjectNode body(String request) {
        return JanusClient.JSON.createObjectNode().put("request", request);
    }
}
