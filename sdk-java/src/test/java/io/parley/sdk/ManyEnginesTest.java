package io.parley.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.sdk.media.MediaKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many engines in one JVM, as a load generator runs them: they share the SDK's few threads (no
 * thread per engine) and each gets its own events in order.
 */
class ManyEnginesTest extends WithServer {
    private static final int PLAYERS = 20;

    /**
     * Live threads but the DTLS handshake pools' (client and server), which grow with the handshakes
     * under way, not with the engines, up to the transport's limit, and go idle after.
     */
    private static long lastingThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.getName().startsWith("dtls-")).count();
    }

    @Test
    void twentyPlayersOfOneStreamShareAFewThreads() {
        ExpressEngine publisher = server.joined("big", "publisher", new Events());
        publisher.startPublishingStream("live", new TestSource(MediaKind.AUDIO)).orTimeout(15, TimeUnit.SECONDS).join();
        long threadsBefore = lastingThreads();
        long startNanos = System.nanoTime();
        List<Events> events = new ArrayList<>();
        List<TestSink> sinks = new ArrayList<>();
        List<CompletableFuture<Void>> plays = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            Events e = new Events();
            ExpressEngine engine = server.engine(SdkServer.APP, e);
            TestSink sink = new TestSink();
            events.add(e);
            sinks.add(sink);
            String user = "player" + i;
            plays.add(engine.loginRoom("big", new User(user), RoomConfig.withToken(server.token(SdkServer.APP, user)))
                    .thenCompose(x -> engine.startPlayingStream("live", sink)));
        }
        CompletableFuture.allOf(plays.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
        long acceptedNanos = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> sinks.stream().allMatch(s -> s.audioPackets.get() > 25));
        System.out.printf("%d engines: logged in and plays accepted in %d ms, all playing (25 packets each) after %d ms%n",
                PLAYERS, (acceptedNanos - startNanos) / 1_000_000, (System.nanoTime() - startNanos) / 1_000_000);
        // The SDK's threads are shared: a pool, two timers, the HTTP client's, the media event loops.
        assertThat(lastingThreads() - threadsBefore).isLessThan(PLAYERS / 2);
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("parley-sdk")).hasSizeLessThan(12);
        for (Events e : events) {
            assertThat(e.overlapped()).isFalse();
            assertThat(e.named("RoomStateChanged")).extracting(c -> c.arg(1))
                    .startsWith(RoomStateChangedReason.LOGINING, RoomStateChangedReason.LOGINED);
        }
    }
}
