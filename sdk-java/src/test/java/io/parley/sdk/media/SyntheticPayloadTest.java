package io.parley.sdk.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.testkit.Hex;
import org.junit.jupiter.api.Test;

class SyntheticPayloadTest {
    @Test
    void theTrailerEndsThePayload() {
        byte[] payload = new byte[24];
        SyntheticPayload.write(payload, payload.length, 0x0102, 0x1122334455667788L);
        assertThat(payload).isEqualTo(Hex.parse("""
                00 00 00 00                  # the frame's own bytes
                50 52 4c 59                  # "PRLY"
                00 00 00 00 00 00 01 02      # sequence 258
                11 22 33 44 55 66 77 88      # send time, System.nanoTime()
                """));
        assertThat(SyntheticPayload.isPresent(payload, 0, payload.length)).isTrue();
        assertThat(SyntheticPayload.sequence(payload, payload.length)).isEqualTo(0x0102);
        assertThat(SyntheticPayload.sendNanos(payload, payload.length)).isEqualTo(0x1122334455667788L);
        assertThat(SyntheticPayload.isPresent(payload, 5, payload.length)).isFalse(); // shorter than a trailer
        payload[4] = 'p';
        assertThat(SyntheticPayload.isPresent(payload, 0, payload.length)).isFalse();
    }
}
