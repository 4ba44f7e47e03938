package io.parley.bench.janus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Janus API messages written for these tests in the shapes Janus 1.1 sends (src/test/resources). */
final class Samples {
    private Samples() {
    }

    static String text(String name) {
        try (InputStream in = Samples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JanusReply reply(String name) throws JanusException {
        return JanusReply.parse(text(name));
    }
}
