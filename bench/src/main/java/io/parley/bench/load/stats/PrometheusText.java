package io.parley.bench.load.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The samples of a Prometheus text exposition (format 0.0.4: {@code name{labels} value [timestamp]}
 * per line, {@code #} lines are comments), as the server's {@code /metrics} writes them. Enough to
 * read counters and gauges; histograms come out as their plain {@code _bucket}/{@code _sum} lines.
 */
public final class PrometheusText {
    private final Map<String, Double> samples;

    private PrometheusText(Map<String, Double> samples) {
        this.samples = samples;
    }

    /** Parses the exposition; a line that is not a sample fails with the line's number. */
    public static PrometheusText parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            // Label values may hold spaces, so the value starts after the closing brace when there is one.
            int brace = line.lastIndexOf('}');
            int valueStart = line.indexOf(' ', brace < 0 ? 0 : brace);
            if (valueStart < 0) {
                throw new IllegalArgumentException("metrics line " + (i + 1) + " has no value: " + line);
            }
            String key = line.substring(0, valueStart);
            String[] rest = line.substring(valueStart).trim().split("\\s+");
            try {
                samples.put(key, parseValue(rest[0]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("metrics line " + (i + 1) + " has no number as its value: " + line, e);
            }
        }
        return new PrometheusText(samples);
    }

    private static double parseValue(String v) {
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }

    /** The sample written exactly as {@code key} (a name, or a name with its labels as the server writes them). */
    public double get(String key) {
        Double v = samples.get(key);
        return v == null ? Double.NaN : v;
    }

    /** The sum of every sample of metric {@code name}, whatever its labels; 0 when there is none. */
    public double sum(String name) {
        double total = 0;
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            String k = e.getKey();
            if (k.equals(name) || (k.startsWith(name) && k.charAt(name.length()) == '{')) {
                total += e.getValue();
            }
        }
        return total;
    }

    public boolean has(String name) {
        for (String k : samples.keySet()) {
            if (k.equals(name) || (k.startsWith(name) && k.length() > name.length() && k.charAt(name.length()) == '{')) {
                return true;
            }
        }
        return false;
    }
}
