package io.parley.bench.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.bench.load.report.LoadReport;
import io.parley.bench.load.report.Measurement;
import io.parley.bench.load.report.Point;
import io.parley.bench.load.report.ReportJson;
import io.parley.bench.load.stats.Percentiles.Summary;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlotTest {
    private static Measurement m(String target, int players, double cpu) {
        return new Measurement(target, players, players + 1, players, 10, 1, 1000, 1000, 1e6, cpu, Summary.EMPTY, 0,
                Summary.EMPTY, Summary.EMPTY, Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    private static List<Point> sweep(boolean floor) {
        return List.of(new Point(10, m("parley", 10, 9), floor ? m("floor", 10, 6) : null, null),
                new Point(50, m("parley", 50, 7), floor ? m("floor", 50, 5) : null, null),
                new Point(100, m("parley", 100, 6.5), floor ? m("floor", 100, 4.8) : null, null));
    }

    private static long pixels(BufferedImage img, Color c) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void rendersEachSeriesInItsColour() {
        BufferedImage withFloor = PlotCommand.plot(sweep(true), "t").render(800, 500);
        assertThat(withFloor.getWidth()).isEqualTo(800);
        assertThat(withFloor.getHeight()).isEqualTo(500);
        assertThat(pixels(withFloor, PlotCommand.PARLEY)).isGreaterThan(200);
        assertThat(pixels(withFloor, PlotCommand.FLOOR)).isGreaterThan(200);
        assertThat(pixels(withFloor, PlotCommand.JANUS)).isZero();
        BufferedImage parleyOnly = PlotCommand.plot(sweep(false), "t").render(800, 500);
        assertThat(pixels(parleyOnly, PlotCommand.FLOOR)).isZero();
    }

    @Test
    void theCommandWritesAPngOfTheAskedSizeFromAReport(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("sweep.json");
        ReportJson.write(new LoadReport("broadcast", "2026-11-24T02:00:00Z", List.of(), "1 publisher",
                new LoadReport.Machine(2, 1L << 30, "Linux", "17", 1), sweep(true)), json);
        Path png = dir.resolve("img/cpu.png");
        int code = new CommandLine(new PlotCommand()).execute(json.toString(), "--out", png.toString(), "--size", "640x400");
        assertThat(code).isZero();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(640);
        assertThat(img.getHeight()).isEqualTo(400);
        assertThat(pixels(img, PlotCommand.PARLEY)).isPositive();
    }

    @Test
    void niceAxisEnds() {
        assertThat(LinePlot.niceCeiling(7.3)).isEqualTo(10);
        assertThat(LinePlot.niceCeiling(100)).isEqualTo(100);
        assertThat(LinePlot.niceCeiling(101)).isEqualTo(200);
        assertThat(LinePlot.niceCeiling(0.21)).isEqualTo(0.25);
        assertThat(LinePlot.niceCeiling(0)).isEqualTo(1);
    }

    @Test
    void emptyOrTinyPlotsAreRefused() {
        assertThatThrownBy(() -> new LinePlot("t", "x", "y", List.of(new Series("a", Color.RED, false, List.of()))))
                .hasMessageContaining("every series is empty");
        assertThatThrownBy(() -> PlotCommand.plot(sweep(false), "t").render(100, 100)).hasMessageContaining("at least");
    }
}
