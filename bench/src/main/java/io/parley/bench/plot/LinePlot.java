package io.parley.bench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A line chart drawn with Java2D on a headless image (no window system needed): title, axes from
 * zero with round ticks, a light grid, one polyline with markers per {@link Series}, and a legend.
 * Small enough to keep the project free of a charting library.
 */
public final class LinePlot {
    private static final int LEFT = 90;
    private static final int RIGHT = 40;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;

    public LinePlot(String title, String xLabel, String yLabel, List<Series> series) {
        if (series.stream().allMatch(s -> s.points().isEmpty())) {
            throw new IllegalArgumentException("nothing to plot: every series is empty");
        }
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = List.copyOf(series);
    }

    public BufferedImage render(int width, int height) {
        if (width < LEFT + RIGHT + 100 || height < TOP + BOTTOM + 100) {
            throw new IllegalArgumentException("a plot needs at least " + (LEFT + RIGHT + 100) + "x" + (TOP + BOTTOM + 100)
                    + " pixels, got " + width + "x" + height);
        }
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            double xMax = niceCeiling(series.stream().flatMap(s -> s.points().stream()).mapToDouble(Series.XY::x).max().orElse(1));
            double yMax = niceCeiling(series.stream().flatMap(s -> s.points().stream()).mapToDouble(Series.XY::y).max().orElse(1) * 1.1);
            Frame f = new Frame(LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM, xMax, yMax);
            drawAxes(g, f);
            for (Series s : series) {
                drawSeries(g, f, s);
            }
            drawLegend(g, f);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            centre(g, title, width / 2, 32);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders and writes a PNG. */
    public void writePng(Path file, int width, int height) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(render(width, height), "png", file.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }

    /** The plotting area in pixels and the data ranges it shows (both from 0). */
    private record Frame(int x, int y, int w, int h, double xMax, double yMax) {
        int px(double v) {
            return x + (int) Math.round(v / xMax * w);
        }

        int py(double v) {
            return y + h - (int) Math.round(v / yMax * h);
        }
    }

    private void drawAxes(Graphics2D g, Frame f) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int i = 0; i <= 5; i++) {
            double yv = f.yMax() * i / 5;
            double xv = f.xMax() * i / 5;
            g.setColor(new Color(0xE4E4E4));
            g.drawLine(f.x(), f.py(yv), f.x() + f.w(), f.py(yv));
            g.drawLine(f.px(xv), f.y(), f.px(xv), f.y() + f.h());
            g.setColor(Color.DARK_GRAY);
            String yt = tick(yv);
            g.drawString(yt, f.x() - 8 - g.getFontMetrics().stringWidth(yt), f.py(yv) + 5);
            centre(g, tick(xv), f.px(xv), f.y() + f.h() + 20);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(f.x(), f.y() + f.h(), f.x() + f.w(), f.y() + f.h());
        g.drawLine(f.x(), f.y(), f.x(), f.y() + f.h());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        centre(g, xLabel, f.x() + f.w() / 2, f.y() + f.h() + 48);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        centre(rotated, yLabel, -(f.y() + f.h() / 2), 28);
        rotated.dispose();
    }

    private static void drawSeries(Graphics2D g, Frame f, Series s) {
        if (s.points().isEmpty()) {
            return;
        }
        g.setColor(s.color());
        g.setStroke(s.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {8f, 6f}, 0f)
                : new BasicStroke(2.5f));
        Path2D line = new Path2D.Double();
        boolean first = true;
        for (Series.XY p : s.points()) {
            if (first) {
                line.moveTo(f.px(p.x()), f.py(p.y()));
                first = false;
            } else {
                line.lineTo(f.px(p.x()), f.py(p.y()));
            }
        }
        g.draw(line);
        if (!s.dashed()) {
            for (Series.XY p : s.points()) {
                g.fillOval(f.px(p.x()) - 4, f.py(p.y()) - 4, 9, 9);
            }
        }
    }

    private void drawLegend(Graphics2D g, Frame f) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        int widest = series.stream().mapToInt(s -> fm.stringWidth(s.name())).max().orElse(0);
        int boxW = widest + 50;
        int boxH = series.size() * 20 + 10;
        int bx = f.x() + f.w() - boxW - 10;
        int by = f.y() + 10;
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(bx, by, boxW, boxH);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(bx, by, boxW, boxH);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            int ly = by + 20 + i * 20;
            g.setColor(s.color());
            g.setStroke(s.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2.5f));
            g.drawLine(bx + 8, ly - 5, bx + 34, ly - 5);
            g.setColor(Color.BLACK);
            g.drawString(s.name(), bx + 40, ly);
        }
    }

    private static void centre(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }

    /** The smallest of 1, 2, 2.5, 5 × 10^k at or above {@code v}: axis ends that divide into 5 round ticks. */
    static double niceCeiling(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v * (1 - 1e-9)) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String tick(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
