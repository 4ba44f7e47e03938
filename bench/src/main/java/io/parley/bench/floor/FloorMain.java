package io.parley.bench.floor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the C floor relay alone, once per (players, rate) pair, and prints a table.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.parley.bench.floor.FloorMain \
 *     [--players 50[,100..]] [--pps 200[,1000..]] [--payload 1200] [--seconds 10]
 * </pre>
 */
public final class FloorMain {
    private FloorMain() {
    }

    public static void main(String[] args) {
        List<Integer> players = List.of(50);
        List<Integer> rates = List.of(200, 1000);
        int payload = 1200;
        int seconds = 10;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--players" -> players = ints(value);
                case "--pps" -> rates = ints(value);
                case "--payload" -> payload = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--help", "-h" -> {
                    System.out.println("FloorMain [--players 50[,100]] [--pps 200[,1000]] [--payload 1200] [--seconds 10]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
            i++;
        }
        System.out.println(machine());
        System.out.println(header());
        for (int n : players) {
            for (int pps : rates) {
                FloorLoad load = new FloorLoad(n, pps, payload, Duration.ofSeconds(seconds));
                System.out.println(row(load, FloorRelay.run(load)));
            }
        }
    }

    /** The figures are only as quiet as the machine: say how busy it was. */
    static String machine() {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            load = "unknown";
        }
        return "cores: " + Runtime.getRuntime().availableProcessors() + ", load average (1, 5, 15 min, tasks, last pid): " + load;
    }

    static String header() {
        return String.format(Locale.ROOT, "%7s %7s %7s %10s %8s %6s %9s %9s %9s %9s",
                "players", "pps", "payload", "fwd pkts", "cpu s", "cpu %", "ns/fwd", "p50 µs", "p99 µs", "max µs") + "  loss";
    }

    static String row(FloorLoad load, FloorResult r) {
        double windowSeconds = (double) (load.totalPackets() - load.warmUpPackets()) / load.packetsPerSecond();
        return String.format(Locale.ROOT, "%7d %7d %7d %10d %8.3f %6.1f %9.0f %9.1f %9.1f %9.1f  %.4f",
                load.players(), load.packetsPerSecond(), load.payloadBytes(), r.forwardedPackets(), r.cpuSeconds(),
                100 * r.cpuSeconds() / windowSeconds, r.cpuNanosPerForwardedPacket(),
                r.delayP50Micros(), r.delayP99Micros(), r.delayMaxMicros(), r.lossRatio());
    }

    private static List<Integer> ints(String csv) {
        if (csv == null) {
            throw new IllegalArgumentException("an option wants a value");
        }
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            out.add(Integer.parseInt(s.trim()));
        }
        return out;
    }
}
