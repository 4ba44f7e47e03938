package io.parley.sdk.rtc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Whatever the server's SDP holds, reading it either gives transport parameters or fails with
 * {@link ServerSdp.SdpProblem}, never another exception. Seeds in
 * {@code ServerSdpFuzzTestInputs/transport/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ServerSdpFuzzTest {
    @FuzzTest
    void transport(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            ServerSdp.transport(ServerSdp.parse(text));
        } catch (ServerSdp.SdpProblem e) {
            if (e.getMessage() == null || e.getMessage().isEmpty()) {
                throw new AssertionError("a refusal without a reason", e);
            }
        }
    }
}
