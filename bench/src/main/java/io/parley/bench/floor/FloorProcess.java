package io.parley.bench.floor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running floor relay: started with its players on stdin (relay.c's control protocol), asked
 * for its counters with a STAT datagram, stopped with SIGTERM, after which it prints its final
 * counters. The relay also stops by itself after {@code maxLifetime} and when this JVM dies.
 */
public final class FloorProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final int STAT_ATTEMPTS = 3;

    private final Process process;
    private final InetSocketAddress address;
    private final BlockingQueue<String> lines;
    private final List<String> earlier = new ArrayList<>();
    private final DatagramSocket control;
    private RelayCounters last;

    private FloorProcess(Process process, InetSocketAddress address, BlockingQueue<String> lines, DatagramSocket control) {
        this.process = process;
        this.address = address;
        this.lines = lines;
        this.control = control;
    }

    /**
     * Starts {@code binary} on a free port of 127.0.0.1 forwarding to {@code players}, and waits
     * until it listens.
     *
     * @throws IllegalStateException when the relay does not start; its own words are in the message
     */
    public static FloorProcess start(Path binary, List<FloorPlayer> players, Duration maxLifetime) {
        long seconds = Math.max(1, maxLifetime.toSeconds());
        Process p;
        try {
            p = new ProcessBuilder(binary.toString(), "--bind", "127.0.0.1", "--port", "0", "--max-seconds", Long.toString(seconds))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the floor relay " + binary, e);
        }
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(p, lines), "floor-relay-stdout");
        reader.setDaemon(true);
        reader.start();
        List<String> said = new ArrayList<>();
        try {
            try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII)) {
                for (FloorPlayer player : players) {
                    w.write(player.controlLine());
                    w.write('\n');
                }
                w.write("end\n");
            }
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(50, TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (!p.isAlive() && lines.isEmpty()) {
                        break;
                    }
                    continue;
                }
                if (line.startsWith("listening ")) {
                    String[] f = line.split(" ");
                    InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(f[1]), Integer.parseInt(f[2]));
                    DatagramSocket control = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                    control.setSoTimeout(1000);
                    FloorProcess fp = new FloorProcess(p, at, lines, control);
                    fp.earlier.addAll(said);
                    return fp;
                }
                said.add(line);
            }
        } catch (IOException e) {
            p.destroyForcibly();
            throw new IllegalStateException("the floor relay did not start: " + e.getMessage() + "; it said: " + said, e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the floor relay", e);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the floor relay did not start in " + START_TIMEOUT.toSeconds() + " s; it said: " + said);
    }

    private static void readLines(Process p, BlockingQueue<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(reading the relay's output failed: " + e.getMessage() + ")");
        }
    }

    /** Where the relay receives RTP (and STAT requests). */
    public InetSocketAddress address() {
        return address;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * The relay's counters now. A STAT datagram queues behind the RTP packets sent before it, so
     * every packet sent earlier from this host is counted in the answer.
     */
    public RelayCounters stat() {
        byte[] reply = new byte[512];
        DatagramPacket answer = new DatagramPacket(reply, reply.length);
        for (int attempt = 1; attempt <= STAT_ATTEMPTS; attempt++) {
            try {
                control.send(new DatagramPacket(new byte[] {'S', 'T', 'A', 'T'}, 4, address));
                control.receive(answer);
                String text = new String(reply, 0, answer.getLength(), StandardCharsets.US_ASCII);
                if (text.startsWith("STAT ")) {
                    return RelayCounters.parse(text);
                }
            } catch (SocketTimeoutException e) {
                // UDP: ask again
            } catch (IOException e) {
                throw new UncheckedIOException("cannot ask the floor relay for its counters", e);
            }
        }
        throw new IllegalStateException("the floor relay did not answer STAT " + STAT_ATTEMPTS + " times; alive=" + process.isAlive());
    }

    /**
     * Stops the relay (SIGTERM) and returns the counters it printed at exit.
     *
     * @throws IllegalStateException when it printed none
     */
    public RelayCounters stop() {
        if (last != null) {
            return last;
        }
        control.close();
        // SIGTERM through the handle: Process.destroy() would also close the relay's stdout,
        // where its final counters are about to be printed.
        process.toHandle().destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the floor relay did not stop on SIGTERM in " + STOP_TIMEOUT.toSeconds() + " s");
            }
            long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
            List<String> said = new ArrayList<>(earlier);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(50, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("counters ")) {
                    last = RelayCounters.parse(line);
                    return last;
                } else if (line != null) {
                    said.add(line);
                }
            }
            throw new IllegalStateException("the floor relay printed no counters at exit (exit " + process.exitValue() + "): " + said);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the floor relay", e);
        }
    }

    /** Stops the relay if it still runs; never throws. */
    @Override
    public void close() {
        control.close();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
