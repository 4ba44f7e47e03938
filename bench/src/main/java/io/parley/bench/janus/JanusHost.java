package io.parley.bench.janus;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Janus on its test host, started and stopped by {@code bench/janus/janus-host.sh} (a network
 * namespace with a veth pair, since Janus gathers no candidates on loopback): its pid, for CPU
 * accounting from {@code /proc/<pid>/stat}, its HTTP API, and the host-side address our
 * transports bind to so that Janus can reach them. Needs root.
 */
public final class JanusHost implements AutoCloseable {
    private static final long UP_TIMEOUT_SECONDS = 300;
    private static final long DOWN_TIMEOUT_SECONDS = 30;

    private final Path script;
    private final long pid;
    private final URI api;
    private final InetAddress hostAddress;

    private JanusHost(Path script, long pid, URI api, InetAddress hostAddress) {
        this.script = script;
        this.pid = pid;
        this.api = api;
        this.hostAddress = hostAddress;
    }

    /** Runs {@code janus-host.sh up} (installing Janus on first use) and reads where Janus is. */
    public static JanusHost start() throws JanusException {
        Path script = script();
        Map<String, String> line = parseStatus(run(script, "up", UP_TIMEOUT_SECONDS));
        try {
            return new JanusHost(script, Long.parseLong(line.get("pid")), URI.create(line.get("api")),
                    InetAddress.getByName(line.get("host_ip")));
        } catch (RuntimeException | UnknownHostException e) {
            throw new JanusException(JanusException.BAD_REPLY, "janus-host.sh up printed an unusable line: " + line, e);
        }
    }

    /** The script's {@code key=value} status line, with pid, api and host_ip required. */
    static Map<String, String> parseStatus(String output) throws JanusException {
        for (String l : output.split("\n")) {
            if (!l.startsWith("pid=")) {
                continue;
            }
            Map<String, String> m = new HashMap<>();
            for (String field : l.trim().split(" +")) {
                int eq = field.indexOf('=');
                if (eq > 0) {
                    m.put(field.substring(0, eq), field.substring(eq + 1));
                }
            }
            if (m.containsKey("pid") && m.containsKey("api") && m.containsKey("host_ip")) {
                return m;
            }
        }
        throw new JanusException(JanusException.BAD_REPLY, "janus-host.sh printed no \"pid=... api=... host_ip=...\" line: " + output);
    }

    /** The janus process, whose CPU time {@link io.parley.bench.os.ProcStat} reads. */
    public long pid() {
        return pid;
    }

    /** The Janus API root, e.g. http://10.213.0.2:8088/janus. */
    public URI api() {
        return api;
    }

    /** Our end of the veth pair (10.213.0.1): bind the MediaClient here. */
    public InetAddress hostAddress() {
        return hostAddress;
    }

    /** Runs {@code janus-host.sh down}: Janus stopped, the namespace and veth pair gone. */
    @Override
    public void close() throws JanusException {
        run(script, "down", DOWN_TIMEOUT_SECONDS);
    }

    /** The script: {@code -Dparley.janus.script}, else bench/janus/janus-host.sh from here or from the repository root. */
    static Path script() throws JanusException {
        String prop = System.getProperty("parley.janus.script");
        List<Path> tries = prop != null ? List.of(Path.of(prop))
                : List.of(Path.of("bench/janus/janus-host.sh"), Path.of("janus/janus-host.sh"), Path.of("../bench/janus/janus-host.sh"));
        for (Path p : tries) {
            if (Files.isRegularFile(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new JanusException(JanusException.BAD_REPLY, "janus-host.sh not found (looked at " + tries
                + " from " + Path.of("").toAbsolutePath() + "); set -Dparley.janus.script");
    }

    private static String run(Path script, String command, long timeoutSeconds) throws JanusException {
        try {
            Process p = new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            // The script prints one status line; reading it all before waiting cannot block on a full pipe.
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new JanusException(JanusException.TIMEOUT, "janus-host.sh " + command + " took over " + timeoutSeconds + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new JanusException(JanusException.HTTP, "janus-host.sh " + command + " exited " + p.exitValue()
                        + (p.exitValue() == 2 ? " (it needs root)" : "") + "; its messages are above");
            }
            return text;
        } catch (IOException e) {
            throw new JanusException(JanusException.HTTP, "cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JanusException(JanusException.CLOSED, "interrupted while running janus-host.sh " + command);
        }
    }
}
