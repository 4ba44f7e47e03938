package io.parley.bench.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One message of the Janus API (a reply to a request or an event from the long poll): its
 * {@code janus} type, the transaction it answers, the handle it comes from, the plugin's data and
 * any JSEP. Janus reports failures two ways, and both become {@link #error()}: the core's
 * {@code {"janus":"error","error":{code,reason}}} and a plugin's {@code error_code}/{@code error}
 * inside {@code plugindata.data}.
 *
 * @param janus       the message type: success, ack, event, error, webrtcup, media, hangup, trickle, keepalive, ...
 * @param transaction the request's transaction, or null for spontaneous events
 * @param sender      the handle the event is from, or 0
 * @param dataId      {@code data.id} of a success to create or attach (the new session or handle), or 0
 * @param plugin      {@code plugindata.data}, or a missing node
 * @param jsep        the SDP Janus sent along, or null
 * @param error       what went wrong, or null
 * @param raw         the whole message, for the fields this record does not name
 */
public record JanusReply(String janus, String transaction, long sender, long dataId, JsonNode plugin, Jsep jsep,
                         JanusException error, JsonNode raw) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An SDP of the JSEP exchange (RFC 8829): {@code offer} or {@code answer}. */
    public record Jsep(String type, String sdp) {
    }

    /** Parses a reply or event; a long poll with {@code maxev} answers with an array of them. */
    public static List<JanusReply> parseAll(String text) throws JanusException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new JanusException(JanusException.BAD_REPLY, "Janus replied with text that is not JSON: " + clip(text));
        }
        List<JanusReply> out = new ArrayList<>();
        if (root != null && root.isArray()) {
            for (JsonNode n : root) {
                out.add(of(n));
            }
        } else {
            out.add(of(root));
        }
        return out;
    }

    /** Parses exactly one reply. */
    public static JanusReply parse(String text) throws JanusException {
        List<JanusReply> all = parseAll(text);
        if (all.size() != 1) {
            throw new JanusException(JanusException.BAD_REPLY, "expected one Janus message, got " + all.size());
        }
        return all.get(0);
    }

    static JanusReply of(JsonNode n) throws JanusException {
        if (n == null || !n.isObject() || !n.path("janus").isTextual()) {
            throw new JanusException(JanusException.BAD_REPLY, "a Janus message is an object with a \"janus\" type: "
                    + clip(String.valueOf(n)));
        }
        String type = n.get("janus").asText();
        String tx = n.path("transaction").isTextual() ? n.get("transaction").asText() : null;
        long sender = n.path("sender").asLong(0);
        long id = n.path("data").path("id").asLong(0);
        JsonNode plugin = n.path("plugindata").path("data");
        Jsep jsep = null;
        JsonNode j = n.path("jsep");
        if (j.isObject()) {
            if (!j.path("type").isTextual() || !j.path("sdp").isTextual()) {
                throw new JanusException(JanusException.BAD_REPLY, "a jsep needs a type and an sdp: " + clip(j.toString()));
            }
            jsep = new Jsep(j.get("type").asText(), j.get("sdp").asText());
        }
        JanusException error = null;
        if ("error".equals(type)) {
            JsonNode e = n.path("error");
            error = new JanusException(e.path("code").asInt(JanusException.BAD_REPLY), e.path("reason").asText("no reason given"));
        } else if (plugin.has("error_code") || plugin.has("error")) {
            error = new JanusException(plugin.path("error_code").asInt(JanusException.BAD_REPLY),
                    plugin.path("error").asText("no reason given"));
        }
        return new JanusReply(type, tx, sender, id, plugin.isMissingNode() ? MissingNode.getInstance() : plugin, jsep, error, n);
    }

    /** {@code plugindata.data.videoroom}: joined, attached, event, created, destroyed, ...; null when absent. */
    public String videoroom() {
        return plugin.path("videoroom").isTextual() ? plugin.get("videoroom").asText() : null;
    }

    public boolean isError() {
        return error != null;
    }

    private static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
