package io.parley.bench.floor;

import java.util.HashMap;
import java.util.Map;

/**
 * The floor relay's own counters, as it prints them at exit and answers a STAT request: RTP
 * packets in, SRTP packets out, datagrams dropped, and its {@code getrusage} user and system time.
 *
 * @param in RTP packets received
 * @param out SRTP packets handed to the kernel
 * @param malformed datagrams that were neither RTP nor a control request
 * @param sendErrors datagrams the kernel refused
 * @param cryptoErrors packets OpenSSL failed to protect
 * @param userSeconds the relay's user CPU time since it started
 * @param systemSeconds the relay's system CPU time since it started
 */
public record RelayCounters(long in, long out, long malformed, long sendErrors, long cryptoErrors,
        double userSeconds, double systemSeconds) {

    /**
     * Parses {@code key=value} fields (in, out, malformed, send_errors, crypto_errors, utime,
     * stime) from a relay line; words without {@code =} are skipped.
     *
     * @throws IllegalArgumentException when a field is missing or not a number
     */
    public static RelayCounters parse(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String word : line.trim().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                fields.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        try {
            return new RelayCounters(Long.parseLong(field(fields, "in", line)), Long.parseLong(field(fields, "out", line)),
                    Long.parseLong(field(fields, "malformed", line)), Long.parseLong(field(fields, "send_errors", line)),
                    Long.parseLong(field(fields, "crypto_errors", line)), Double.parseDouble(field(fields, "utime", line)),
                    Double.parseDouble(field(fields, "stime", line)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("floor relay counters: not a number in '" + line + "'", e);
        }
    }

    private static String field(Map<String, String> fields, String name, String line) {
        String v = fields.get(name);
        if (v == null) {
            throw new IllegalArgumentException("floor relay counters: no '" + name + "' in '" + line + "'");
        }
        return v;
    }

    /** User plus system time. */
    public double cpuSeconds() {
        return userSeconds + systemSeconds;
    }
}
