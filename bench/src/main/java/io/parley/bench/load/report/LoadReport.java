package io.parley.bench.load.report;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.List;

/**
 * Everything one run of {@code ./parley bench SCENARIO} measured, as written to its JSON file: the
 * scenario and its load, the machine and the date (figures mean nothing without them), and one
 * {@link Point} per load size of a sweep ({@code broadcast --players 10,25,50,100}).
 *
 * @param scenario  {@code broadcast}, {@code meeting} or {@code login-storm}
 * @param startedAt ISO-8601 UTC
 * @param command   the arguments the run was started with
 * @param load      the load's shape in words (bit rates, packet rates, rooms)
 * @param machine   cores, memory, OS, JVM
 */
public record LoadReport(String scenario, String startedAt, List<String> command, String load, Machine machine,
                         List<Point> points) {

    /** The host the run measured: results are only comparable on the same one. */
    public record Machine(int cores, long memoryBytes, String os, String java, double loadAverage) {
        public static Machine current() {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
            return new Machine(Runtime.getRuntime().availableProcessors(), memory,
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                    os.getSystemLoadAverage());
        }
    }
}
