package io.parley.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import io.parley.server.media.MediaFigures;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/java-sdk.md's quick start, as written: its ```java block is compiled against the SDK with
 * javax.tools and run against an in-process server, where it must log in and play a stream.
 */
@Timeout(60)
class QuickStartDocTest {
    @TempDir
    Path dir;

    @Test
    void theQuickStartCompilesAndPlaysAStream() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "java-sdk.md"));
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("docs/java-sdk.md has a ```java block").isTrue();
        Path source = dir.resolve("QuickStart.java");
        Files.writeString(source, m.group(1));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, System.err, "-d", dir.toString(), "-classpath",
                System.getProperty("java.class.path"), source.toString());
        assertThat(status).as("the quick start compiles").isZero();

        try (SdkServer server = new SdkServer(); URLClassLoader loader = new URLClassLoader(
                new java.net.URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            ExpressEngine alice = server.joined("room1", "alice", new Events());
            alice.startPublishingStream("s1", new TestSource()).get(15, TimeUnit.SECONDS);
            Class<?> quickStart = loader.loadClass("QuickStart");
            Method run = quickStart.getMethod("run", URI.class, long.class, String.class);
            ExpressEngine bot = (ExpressEngine) run.invoke(null, server.uri(), SdkServer.APP.appId(),
                    server.token(SdkServer.APP, "bot1"));
            server.track(bot);
            // The bot played what was in the room: the server forwards the stream to its subscriber
            // transport, which sends only once its DTLS keys are in.
            var figures = server.server.media().figures();
            await().atMost(Duration.ofSeconds(15)).until(() -> figures.players() == 1
                    && figures.total(MediaFigures.Total.RTP_FORWARDED_PACKETS) > 100);
            bot.logoutRoom().get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> figures.players() == 0);
        }
    }
}
