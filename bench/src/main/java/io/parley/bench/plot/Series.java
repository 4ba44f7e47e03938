package io.parley.bench.plot;

import java.awt.Color;
import java.util.List;

/**
 * One line of a plot: a name for the legend, a colour, whether it is dashed (a goal rather than a
 * measurement), and its points in data units, x ascending.
 */
public record Series(String name, Color color, boolean dashed, List<XY> points) {
    public Series {
        points = points.stream().filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y())).sorted(
                (a, b) -> Double.compare(a.x(), b.x())).toList();
    }

    /** One point. */
    public record XY(double x, double y) {
    }
}
