package io.parley.bench.load.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Parley server jar run as a process of its own, so its CPU and memory are its own: started with
 * the config {@link BenchApp} wrote, free ports, and a GC log; ready when it logs its ready line
 * (which names the HTTP port); stopped with SIGTERM (its shutdown hook closes it), then killed if
 * it lingers. Its log goes to a file beside the config.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Parley ready at (http://[^/\\s]+/)");

    private final Process process;
    private final URI base;
    private final Path gcLog;
    private final Path log;

    private ServerProcess(Process process, URI base, Path gcLog, Path log) {
        this.process = process;
        this.base = base;
        this.gcLog = gcLog;
        this.log = log;
    }

    /**
     * Starts {@code jar} with {@code config} and waits up to {@code timeout} for it to be ready.
     *
     * @param jvmOptions extra JVM options (heap size, collector), before {@code -jar}
     */
    public static ServerProcess start(Path jar, Path config, Path workDir, List<String> jvmOptions, Duration timeout)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no server jar at " + jar + "; build it: mvn -B -o -q -pl server -am package -DskipTests");
        }
        Files.createDirectories(workDir);
        Path gcLog = workDir.resolve("server-gc.log");
        Path log = workDir.resolve("server.log");
        Files.deleteIfExists(gcLog);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Xlog:gc:file=" + gcLog + ":uptime");
        cmd.addAll(List.of("-jar", jar.toString(), "serve", "--config", config.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> pumpLog(p, log, ready), "parley-server-log");
        pump.setDaemon(true);
        pump.start();
        p.onExit().thenRun(() -> ready.completeExceptionally(
                new IOException("the server exited (code " + p.exitValue() + ") before it was ready; see " + log)));
        try {
            return new ServerProcess(p, ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS), gcLog, log);
        } catch (TimeoutException e) {
            p.destroyForcibly();
            throw new IOException("the server was not ready within " + timeout + "; see " + log, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** The newest {@code parley-server-*-all.jar} under {@code server/target} of the project at {@code root}. */
    public static Path findJar(Path root) throws IOException {
        Path dir = root.resolve("server/target");
        Path best = null;
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "parley-server-*-all.jar")) {
                for (Path j : jars) {
                    if (best == null || Files.getLastModifiedTime(j).compareTo(Files.getLastModifiedTime(best)) > 0) {
                        best = j;
                    }
                }
            }
        }
        if (best == null) {
            throw new IOException("no parley-server-*-all.jar under " + dir.toAbsolutePath()
                    + "; build it: mvn -B -o -q -pl server -am package -DskipTests, or give --server-jar");
        }
        return best;
    }

    /** Copies the server's output to its log file and completes {@code ready} at the ready line. */
    private static void pumpLog(Process p, Path log, CompletableFuture<URI> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                Matcher m = READY.matcher(line);
                if (!ready.isDone() && m.find()) {
                    ready.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(new UncheckedIOException("reading the server's output", e));
        }
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public URI base() {
        return base;
    }

    public long pid() {
        return process.pid();
    }

    public Path gcLog() {
        return gcLog;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, up to 10 s for the shutdown hook, then SIGKILL. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
