package io.parley.server.auth;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any input to {@link Token04#verify} either verifies or is refused with an {@link AuthException};
 * any other exception fails the run. In regression mode this replays the seeds in
 * {@code Token04FuzzTestInputs/verify/} (valid GCM and CBC tokens among them, so the deep path runs);
 * {@code ./parley fuzz} explores from them.
 */
class Token04FuzzTest {

    @FuzzTest
    void verify(byte[] input) {
        String token = new String(input, StandardCharsets.UTF_8);
        try {
            Token04.verify(token, Token04Test.APP, "user1", Token04Test.NOW);
        } catch (AuthException refused) {
            if (refused.code() < 1002075 || refused.code() > 1002079) {
                throw new AssertionError("unexpected code " + refused.code(), refused);
            }
        }
    }
}
