package io.parley.bench.load.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON file of a run ({@link LoadReport}), written at the end of every run and read back by
 * {@code ./parley bench plot}. Missing figures (NaN) are written as the string {@code "NaN"}, which
 * Jackson reads back as NaN, so a file round-trips exactly.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ReportJson() {
    }

    public static String write(LoadReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (IOException e) {
            throw new IllegalStateException("a load report did not serialize: " + e.getMessage(), e);
        }
    }

    public static void write(LoadReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, write(report));
    }

    /** Reads a run's file; a file that is not one fails with its name and Jackson's reason. */
    public static LoadReport read(Path file) throws IOException {
        try {
            return MAPPER.readValue(file.toFile(), LoadReport.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": not a load report: " + e.getOriginalMessage(), e);
        }
    }

    public static LoadReport parse(String json) throws IOException {
        return MAPPER.readValue(json, LoadReport.class);
    }
}
