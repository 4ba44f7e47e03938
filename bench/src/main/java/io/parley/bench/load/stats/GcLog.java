package io.parley.bench.load.stats;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stop-the-world pauses a JVM wrote to its unified GC log ({@code -Xlog:gc:file=...}, JEP 158):
 * lines such as {@code [3.210s][info][gc] GC(4) Pause Young (Normal) (G1 Evacuation Pause) 25M->4M(256M) 2.345ms}.
 * The load generator starts its server with this flag, marks the file's length when the measured
 * window opens and reads the pauses written after it, to report the longest one.
 */
public final class GcLog {
    private static final Pattern PAUSE = Pattern.compile("\\bPause\\b.*?(\\d+(?:\\.\\d+)?)ms\\s*$");

    private final Path file;

    public GcLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Where the log ends now: pass it to {@link #pausesSince(long)} later. */
    public long mark() throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /** The pauses (ms) logged after {@code mark}. */
    public List<Double> pausesSince(long mark) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            byte[] bytes = new byte[(int) Math.max(0, Math.min(Integer.MAX_VALUE - 8, length - mark))];
            f.seek(Math.min(mark, length));
            f.readFully(bytes);
            return pauses(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** The pause times (ms) of every complete pause line of {@code text}. */
    public static List<Double> pauses(String text) {
        List<Double> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                out.add(Double.parseDouble(m.group(1)));
            }
        }
        return out;
    }
}
