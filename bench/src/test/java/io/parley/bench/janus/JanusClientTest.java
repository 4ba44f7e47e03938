package io.parley.bench.janus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client over real HTTP against a scripted stand-in for the Janus REST transport on
 * 127.0.0.1: session, attach, a synchronous request, an asynchronous one answered by ack then an
 * event on the long poll, a plugin error, trickle, hangup to the handle's listener, destroy.
 */
class JanusClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SESSION = 7001;
    private static final long HANDLE = 8002;

    private HttpServer server;
    private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private URI api;
    private volatile boolean sessionGone;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/janus", this::handle);
        server.start();
        api = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/janus");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** What Janus would answer, by path and request type. */
    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String reply;
        if ("GET".equals(ex.getRequestMethod()) && sessionGone) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        if ("GET".equals(ex.getRequestMethod())) {
            String e;
            try {
                e = events.poll(2, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                e = null;
            }
            reply = e != null ? "[" + e + "]" : "[{\"janus\":\"keepalive\"}]";
        } else {
            JsonNode req = JSON.readTree(ex.getRequestBody());
            requests.add(req);
            String tx = req.path("transaction").asText();
            String type = req.path("janus").asText();
            String request = req.path("body").path("request").asText();
            reply = switch (type) {
                case "create" -> "{\"janus\":\"success\",\"transaction\":\"" + tx + "\",\"data\":{\"id\":" + SESSION + "}}";
                case "attach" -> "{\"janus\":\"success\",\"transaction\":\"" + tx + "\",\"data\":{\"id\":" + HANDLE + "}}";
                case "trickle", "keepalive" -> "{\"janus\":\"ack\",\"transaction\":\"" + tx + "\"}";
                case "destroy", "detach" -> "{\"janus\":\"success\",\"transaction\":\"" + tx + "\"}";
                case "message" -> switch (request) {
                    case "create" -> "{\"janus\":\"success\",\"transaction\":\"" + tx + "\",\"sender\":" + HANDLE
                            + ",\"plugindata\":{\"plugin\":\"janus.plugin.videoroom\",\"data\":{\"videoroom\":\"created\",\"room\":1234}}}";
                    case "join" -> {
                        // Asynchronous: the event goes out on the long poll, then the ack on this request.
                        ObjectNode ev = (ObjectNode) JSON.readTree(Samples.text("joined-event.json"));
                        ev.put("transaction", tx);
                        events.add(ev.toString());
                        yield "{\"janus\":\"ack\",\"transaction\":\"" + tx + "\"}";
                    }
                    default -> {
                        ObjectNode ev = (ObjectNode) JSON.readTree(Samples.text("plugin-error.json"));
                        ev.put("transaction", tx);
                        events.add(ev.toString());
                        yield "{\"janus\":\"ack\",\"transaction\":\"" + tx + "\"}";
                    }
                };
                default -> "{\"janus\":\"error\",\"transaction\":\"" + tx + "\",\"error\":{\"code\":453,\"reason\":\"Unknown request '" + type + "'\"}}";
            };
            if (!path.equals("/janus") && !path.startsWith("/janus/" + SESSION)) {
                reply = "{\"janus\":\"error\",\"transaction\":\"" + tx + "\",\"error\":{\"code\":458,\"reason\":\"No such session\"}}";
            }
        }
        byte[] body = reply.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @Test
    void requests_get_their_answers_whether_synchronous_or_by_event_and_errors_carry_janus_codes() throws Exception {
        try (JanusClient client = JanusClient.connect(api)) {
            assertThat(client.sessionId()).isEqualTo(SESSION);
            JanusHandle h = JanusClient.await(client.attach(JanusVideoRoom.PLUGIN));
            assertThat(h.id()).isEqualTo(HANDLE);

            assertThat(JanusClient.await(JanusVideoRoom.createRoom(h, 1234, 3))).isEqualTo(1234);
            JanusReply joined = JanusClient.await(h.message(JanusVideoRoom.joinPublisher(1234, "p"), null));
            assertThat(JanusVideoRoom.feedId(joined)).isEqualTo(9003);

            assertThatThrownBy(() -> JanusClient.await(h.message(JanusVideoRoom.publish(), null)))
                    .isInstanceOf(JanusException.class).hasMessage("Janus 426: No such room (999)");
            assertThat(JanusClient.await(h.trickleCompleted()).janus()).isEqualTo("ack");

            LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
            h.listener(r -> heard.add(r == null ? "session closed" : r.janus()));
            events.add("{\"janus\":\"hangup\",\"sender\":" + HANDLE + ",\"reason\":\"DTLS alert\"}");
            assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("hangup");
        }
        assertThat(requests).extracting(r -> r.path("janus").asText()).last().isEqualTo("destroy");
        assertThat(requests).allSatisfy(r -> assertThat(r.path("transaction").asText()).isNotEmpty());
        assertThat(requests.stream().map(r -> r.path("transaction").asText()).distinct().count()).isEqualTo(requests.size());
    }

    @Test
    void a_core_error_fails_the_request_with_its_code() throws Exception {
        try (JanusClient client = JanusClient.connect(api)) {
            JanusHandle h = JanusClient.await(client.attach(JanusVideoRoom.PLUGIN));
            ObjectNode odd = JSON.createObjectNode().put("janus", "nonsense");
            assertThatThrownBy(() -> JanusClient.await(client.send(client.handleUri(h.id()), odd)))
                    .isInstanceOf(JanusException.class).satisfies(e -> assertThat(((JanusException) e).code()).isEqualTo(453));
        }
    }

    @Test
    void a_session_janus_forgot_ends_the_client_and_tells_the_handles() throws Exception {
        try (JanusClient client = JanusClient.connect(api)) {
            JanusHandle h = JanusClient.await(client.attach(JanusVideoRoom.PLUGIN));
            LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
            h.listener(r -> heard.add(r == null ? "session ended" : r.janus()));
            sessionGone = true;
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("session ended");
            assertThatThrownBy(() -> JanusClient.await(h.message(JanusVideoRoom.publish(), null)))
                    .isInstanceOf(JanusException.class).hasMessageContaining("is gone from Janus")
                    .satisfies(e -> assertThat(((JanusException) e).code()).isEqualTo(JanusException.CLOSED));
        }
    }

    @Test
    void a_server_that_is_not_there_is_a_clear_http_error() {
        server.stop(0);
        assertThatThrownBy(() -> JanusClient.connect(api)).isInstanceOf(JanusException.class)
                .satisfies(e -> assertThat(((JanusException) e).code()).isEqualTo(JanusException.HTTP));
    }
}
