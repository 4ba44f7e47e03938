package io.parley.bench.load.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A JVM's heap and garbage-collection totals from {@code jstat -gc PID} (the JDK's tool, reading the
 * target's hsperfdata): used heap (survivors, eden and old, in KB in jstat's columns), and the
 * number and total time of its collections. Works for any JVM of the same user, also a server the
 * load generator did not start.
 *
 * @param heapUsedBytes S0U + S1U + EU + OU
 * @param collections   YGC + FGC (+ CGC: concurrent cycles' pauses, where the collector reports them)
 * @param gcSeconds     GCT: the total time of the stop-the-world pauses
 */
public record JstatGc(long heapUsedBytes, long collections, double gcSeconds) {

    /** Parses jstat's two lines (header, values); the columns are found by name. */
    public static JstatGc parse(String output) {
        String[] lines = output.strip().split("\n");
        if (lines.length < 2) {
            throw new IllegalArgumentException("jstat -gc printed " + lines.length + " line(s), expected a header and values");
        }
        String[] names = lines[0].trim().split("\\s+");
        String[] values = lines[lines.length - 1].trim().split("\\s+");
        if (names.length != values.length) {
            throw new IllegalArgumentException("jstat -gc header has " + names.length + " columns, values " + values.length);
        }
        double used = column(names, values, "S0U") + column(names, values, "S1U") + column(names, values, "EU")
                + column(names, values, "OU");
        double count = column(names, values, "YGC") + column(names, values, "FGC") + optional(names, values, "CGC");
        return new JstatGc(Math.round(used * 1024), Math.round(count), column(names, values, "GCT"));
    }

    /** Runs {@code jstat -gc pid} (bounded to 10 s) and parses it. */
    public static JstatGc read(long pid) throws IOException {
        Process p = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("jstat -gc " + pid + " did not answer in 10 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for jstat", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("jstat -gc " + pid + " failed (exit " + p.exitValue() + "): " + out.strip());
        }
        return parse(out);
    }

    private static double column(String[] names, String[] values, String name) {
        double v = optional(names, values, name);
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("jstat -gc has no column " + name);
        }
        return v;
    }

    /** The column's value; 0 for jstat's "-" (a figure the collector does not keep); NaN when there is no such column. */
    private static double optional(String[] names, String[] values, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                if (values[i].equals("-")) {
                    return 0;
                }
                try {
                    return Double.parseDouble(values[i].replace(',', '.'));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("jstat -gc column " + name + " is not a number: " + values[i], e);
                }
            }
        }
        return name.equals("CGC") ? 0 : Double.NaN;
    }
}
