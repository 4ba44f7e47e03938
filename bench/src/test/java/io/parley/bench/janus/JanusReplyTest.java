package io.parley.bench.janus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Janus API replies and events as {@link JanusReply} reads them, and what it refuses. */
class JanusReplyTest {
    @Test
    void a_create_or_attach_success_carries_the_new_id() throws Exception {
        JanusReply session = Samples.reply("create-success.json");
        assertThat(session.janus()).isEqualTo("success");
        assertThat(session.transaction()).isEqualTo("t-1");
        assertThat(session.dataId()).isEqualTo(7001);
        assertThat(session.isError()).isFalse();
        assertThat(Samples.reply("attach-success.json").dataId()).isEqualTo(8002);
    }

    @Test
    void an_ack_has_no_plugin_data_and_no_jsep() throws Exception {
        JanusReply ack = Samples.reply("message-ack.json");
        assertThat(ack.janus()).isEqualTo("ack");
        assertThat(ack.plugin().isMissingNode()).isTrue();
        assertThat(ack.videoroom()).isNull();
        assertThat(ack.jsep()).isNull();
    }

    @Test
    void a_videoroom_event_carries_the_plugin_data_the_sender_and_the_jsep() throws Exception {
        JanusReply joined = Samples.reply("joined-event.json");
        assertThat(joined.sender()).isEqualTo(8002);
        assertThat(joined.videoroom()).isEqualTo("joined");
        assertThat(JanusVideoRoom.feedId(joined)).isEqualTo(9003);

        JanusReply configured = Samples.reply("configured-event.json");
        assertThat(configured.jsep().type()).isEqualTo("answer");
        assertThat(configured.jsep().sdp()).startsWith("v=0\r\n").contains("a=setup:active");
        assertThat(JanusVideoRoom.jsep(configured, "answer")).isSameAs(configured.jsep());
    }

    @Test
    void plugin_and_core_errors_become_exceptions_with_janus_codes() throws Exception {
        JanusReply plugin = Samples.reply("plugin-error.json");
        assertThat(plugin.isError()).isTrue();
        assertThat(plugin.error().code()).isEqualTo(426);
        assertThat(plugin.error()).hasMessage("Janus 426: No such room (999)");

        JanusReply core = Samples.reply("core-error.json");
        assertThat(core.error().code()).isEqualTo(458);
        assertThat(core.error()).hasMessageContaining("No such session 7001");
    }

    @Test
    void a_long_poll_answers_with_an_array_of_events() throws Exception {
        List<JanusReply> events = JanusReply.parseAll(Samples.text("long-poll.json"));
        assertThat(events).extracting(JanusReply::janus).containsExactly("webrtcup", "media", "hangup");
        assertThat(events).extracting(JanusReply::sender).containsExactly(8002L, 8002L, 8004L);
        assertThat(events.get(2).raw().path("reason").asText()).isEqualTo("DTLS alert");
    }

    @Test
    void text_that_is_not_a_janus_message_is_refused_with_a_clear_error() {
        assertThatThrownBy(() -> JanusReply.parse("<html>502 Bad Gateway</html>"))
                .isInstanceOf(JanusException.class).hasMessageContaining("not JSON")
                .satisfies(e -> assertThat(((JanusException) e).code()).isEqualTo(JanusException.BAD_REPLY));
        assertThatThrownBy(() -> JanusReply.parse("{\"transaction\":\"x\"}")).hasMessageContaining("\"janus\" type");
        assertThatThrownBy(() -> JanusReply.parse("[1,2]")).hasMessageContaining("\"janus\" type");
        assertThatThrownBy(() -> JanusReply.parse("{\"janus\":\"event\",\"jsep\":{\"type\":\"offer\"}}"))
                .hasMessageContaining("a jsep needs a type and an sdp");
        assertThatThrownBy(() -> JanusReply.parse("[]")).hasMessageContaining("expected one Janus message, got 0");
    }

    @Test
    void an_answer_event_without_the_expected_jsep_or_feed_is_refused() throws Exception {
        JanusReply joined = Samples.reply("joined-event.json");
        assertThatThrownBy(() -> JanusVideoRoom.jsep(joined, "answer"))
                .isInstanceOf(JanusException.class).hasMessageContaining("expected a JSEP answer");
        JanusReply configured = Samples.reply("configured-event.json");
        assertThatThrownBy(() -> JanusVideoRoom.jsep(configured, "offer")).hasMessageContaining("expected a JSEP offer");
        assertThatThrownBy(() -> JanusVideoRoom.feedId(configured)).hasMessageContaining("expected videoroom \"joined\"");
    }
}
