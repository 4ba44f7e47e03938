package io.parley.wire.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The session descriptions captured from Chromium by {@code e2e/js/capture-sdp.mjs}. */
final class SdpFixtures {
    static final List<String> NAMES = List.of("av-offer", "av-answer", "av-offer-gathered", "renegotiated-offer",
            "renegotiated-answer", "simulcast-offer", "simulcast-answer", "datachannel-offer", "datachannel-answer",
            "audio-recvonly-offer", "audio-recvonly-answer");

    /** The trickled candidates, one {@code a=candidate} line each (not a whole description). */
    static final String TRICKLE = "trickle-candidates";

    private SdpFixtures() {
    }

    static String read(String name) {
        String resource = "chromium-" + name + ".sdp";
        try (InputStream in = SdpFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
