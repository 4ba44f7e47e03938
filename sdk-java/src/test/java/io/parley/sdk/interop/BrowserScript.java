package io.parley.sdk.interop;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One of the e2e/js/sdk-java-*.mjs scripts running headless Chromium with the Web SDK against the
 * in-process server: the test reads the script's stdout lines ({@code READY}, {@code PLAYING},
 * {@code PUBLISHING}, {@code RESULT json}, {@code ERROR text}) with a timeout each. Its stderr
 * (the page's console and events) goes to a file under java.io.tmpdir, named in every failure.
 */
final class BrowserScript implements AutoCloseable {
    static final Path E2E = Path.of("..", "e2e").toAbsolutePath().normalize();
    private static final String CHROMIUM = System.getenv().getOrDefault("PARLEY_CHROMIUM", "/usr/bin/chromium");
    private static final String EOF = "\u0000EOF";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process node;
    private final File log;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private BrowserScript(Process node, File log) {
        this.node = node;
        this.log = log;
        Thread reader = new Thread(this::readLines, "browser-script-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code node js/SCRIPT} in e2e/ with the interop command line (sdk-java-browser.mjs) for
     * {@code userID} in {@code roomID} of the server's app, on {@code streamID}, plus {@code extra}.
     */
    static BrowserScript start(String script, InteropServer server, String roomID, String userID, String streamID,
                               String... extra) throws IOException {
        if (!Files.isDirectory(E2E.resolve("node_modules/playwright-core")) || !Files.isExecutable(Path.of(CHROMIUM))) {
            fail("the interop tests need " + E2E.resolve("node_modules") + " and " + CHROMIUM
                    + ": run ./parley test, which installs them");
        }
        List<String> command = new ArrayList<>(List.of("node", "js/" + script,
                "--server", server.url().toString(), "--app-id", Long.toString(InteropServer.APP.appId()),
                "--app-sign", InteropServer.APP.appSign(), "--room", roomID, "--user", userID, "--stream", streamID));
        command.addAll(List.of(extra));
        File log = new File(System.getProperty("java.io.tmpdir"), "parley-" + script.replace(".mjs", "") + "-" + streamID + ".log");
        Process node = new ProcessBuilder(command).directory(E2E.toFile()).redirectError(log).start();
        node.getOutputStream().close();
        return new BrowserScript(node, log);
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("ERROR reading the script's output: " + e);
        } finally {
            lines.add(EOF);
        }
    }

    /**
     * Waits for the line that starts with {@code word} and returns the JSON after it ({@code {}} when
     * none); fails at once on ERROR or the script's end, and after {@code timeout}.
     */
    JsonNode await(String word, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (;;) {
            String line = lines.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no " + word + " from the browser within " + timeout + "; its log: " + log);
            }
            if (line.equals(EOF) || line.startsWith("ERROR")) {
                lines.add(EOF);
                throw new AssertionError("the browser script failed before " + word + ": "
                        + (line.equals(EOF) ? "it ended" : line) + "; its log: " + log);
            }
            if (line.equals(word) || line.startsWith(word + " ")) {
                String json = line.substring(word.length()).trim();
                try {
                    return JSON.readTree(json.isEmpty() ? "{}" : json);
                } catch (IOException e) {
                    throw new UncheckedIOException("not JSON after " + word + ": " + line, e);
                }
            }
        }
    }

    /** Where the script's stderr goes. */
    File log() {
        return log;
    }

    /** Waits up to 30 s for the script to finish (it logs out and closes Chromium), then ends it. */
    @Override
    public void close() throws InterruptedException {
        if (!node.waitFor(30, TimeUnit.SECONDS)) {
            node.destroy();
            if (!node.waitFor(10, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                node.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
