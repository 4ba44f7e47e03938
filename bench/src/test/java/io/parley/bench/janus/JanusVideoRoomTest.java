package io.parley.bench.janus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The VideoRoom request bodies the adapter sends (Janus 1.x multistream API). */
class JanusVideoRoomTest {
    @Test
    void create_asks_for_a_vp8_and_opus_room_without_a_bitrate_cap() {
        assertThat(JanusVideoRoom.create(1234, 3).toString()).isEqualTo("{\"request\":\"create\",\"room\":1234,\"publishers\":3,"
                + "\"bitrate\":0,\"videocodec\":\"vp8\",\"audiocodec\":\"opus\",\"record\":false,\"permanent\":false,"
                + "\"description\":\"parley bench 1234\"}");
    }

    @Test
    void a_publisher_joins_then_publishes() {
        assertThat(JanusVideoRoom.joinPublisher(1234, "pub").toString())
                .isEqualTo("{\"request\":\"join\",\"ptype\":\"publisher\",\"room\":1234,\"display\":\"pub\"}");
        assertThat(JanusVideoRoom.publish().toString()).isEqualTo("{\"request\":\"publish\"}");
    }

    @Test
    void a_subscriber_names_the_feed_in_streams_then_starts() {
        assertThat(JanusVideoRoom.joinSubscriber(1234, 9003).toString())
                .isEqualTo("{\"request\":\"join\",\"ptype\":\"subscriber\",\"room\":1234,\"streams\":[{\"feed\":9003}]}");
        assertThat(JanusVideoRoom.start().toString()).isEqualTo("{\"request\":\"start\"}");
        assertThat(JanusVideoRoom.destroy(1234).toString()).isEqualTo("{\"request\":\"destroy\",\"room\":1234,\"permanent\":false}");
    }
}
