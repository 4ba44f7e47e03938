package io.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ProgressLineTest {
    @Test
    @Timeout(20)
    void printsTheCurrentStatusEverySecondAndSurvivesAFailingOne() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (ProgressLine line = new ProgressLine(err)) {
            line.show("logging in 3/10");
            await().atMost(Duration.ofSeconds(5)).until(() -> bytes.toString(StandardCharsets.UTF_8).contains("logging in 3/10"));
            line.show(() -> {
                throw new IllegalStateException("metrics down");
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> bytes.toString(StandardCharsets.UTF_8).contains("(status unavailable: metrics down)"));
            line.show("measuring");
            await().atMost(Duration.ofSeconds(5)).until(() -> bytes.toString(StandardCharsets.UTF_8).contains("measuring"));
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("[bench ");
    }
}
