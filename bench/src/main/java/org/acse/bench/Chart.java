package org.acse.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;

/** Draws the report's chart with Java2D: latency by percentile (log-log), and per-second percentiles over time. */
final class Chart {
    record Series(String name, Histogram histogram) {}

    private static final Color[] COLORS = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0xff7f0e),
        new Color(0x9467bd),
        new Color(0x8c564b)
    };
    private static final int W = 1200;
    private static final int PANEL_H = 460;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final double MIN_MS = 0.05;

    static void write(
            Path file, List<Series> percentiles, List<Histogram> createdPerSecond, List<Histogram> endToEndPerSecond)
            throws IOException {
        BufferedImage image = new BufferedImage(W, 2 * PANEL_H + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        percentilePanel(g, 20, percentiles);
        timePanel(g, PANEL_H + 40, createdPerSecond, endToEndPerSecond);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** x: percentile on a log scale of 1/(1-p) from p50 to p99.99; y: milliseconds, log scale. */
    private static void percentilePanel(Graphics2D g, int top, List<Series> series) {
        double maxMs = series.stream()
                .filter(s -> s.histogram().getTotalCount() > 0)
                .mapToDouble(s -> s.histogram().getMaxValue() / 1e6)
                .max()
                .orElse(1);
        Frame f = new Frame(top, "Latency by percentile (log scales)", 0, 4, maxMs);
        f.axes(g, "percentile");
        String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%"};
        for (int i = 0; i <= 4; i++) {
            int x = f.x(i);
            g.setColor(Color.GRAY);
            g.drawString(labels[i], x - 15, f.bottom() + 18);
        }
        int c = 0;
        for (Series s : series) {
            Histogram h = s.histogram();
            if (h.getTotalCount() == 0) {
                continue;
            }
            Path2D.Double path = new Path2D.Double();
            boolean first = true;
            for (double lx = 0; lx <= 4.0001; lx += 0.02) {
                double p = 100 * (1 - Math.pow(10, -lx));
                int x = f.x(lx);
                int y = f.y(h.getValueAtPercentile(p) / 1e6);
                if (first) {
                    path.moveTo(x, y);
                    first = false;
                } else {
                    path.lineTo(x, y);
                }
            }
            g.setColor(COLORS[c % COLORS.length]);
            g.setStroke(new BasicStroke(2f));
            g.draw(path);
            g.drawString(
                    String.format(
                            Locale.ROOT,
                            "%s  (p50 %.2f ms, p99 %.2f ms)",
                            s.name(),
                            h.getValueAtPercentile(50) / 1e6,
                            h.getValueAtPercentile(99) / 1e6),
                    LEFT + 15,
                    top + 45 + 16 * c);
            c++;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void timePanel(Graphics2D g, int top, List<Histogram> created, List<Histogram> endToEnd) {
        int seconds = Math.max(created.size(), endToEnd.size());
        double maxMs = 1;
        for (List<Histogram> l : List.of(created, endToEnd)) {
            for (Histogram h : l) {
                if (h.getTotalCount() > 0) {
                    maxMs = Math.max(maxMs, h.getValueAtPercentile(99) / 1e6);
                }
            }
        }
        Frame f = new Frame(
                top,
                "Latency over time in the latency scenario (per-second p50 and p99)",
                0,
                Math.max(1, seconds - 1),
                maxMs);
        f.axes(g, "seconds since the start of the scenario");
        for (int s = 0; s < seconds; s += Math.max(1, seconds / 12)) {
            g.setColor(Color.GRAY);
            g.drawString(Integer.toString(s), f.x(s) - 5, f.bottom() + 18);
        }
        int c = 0;
        String[] names = {"201 p50", "201 p99", "end to end p50", "end to end p99"};
        List<List<Histogram>> data = List.of(created, created, endToEnd, endToEnd);
        double[] pct = {50, 99, 50, 99};
        for (int i = 0; i < 4; i++) {
            Path2D.Double path = new Path2D.Double();
            boolean first = true;
            for (int s = 0; s < data.get(i).size(); s++) {
                Histogram h = data.get(i).get(s);
                if (h.getTotalCount() == 0) {
                    continue;
                }
                int x = f.x(s);
                int y = f.y(h.getValueAtPercentile(pct[i]) / 1e6);
                if (first) {
                    path.moveTo(x, y);
                    first = false;
                } else {
                    path.lineTo(x, y);
                }
            }
            g.setColor(COLORS[(i / 2) % COLORS.length]);
            g.setStroke(
                    pct[i] == 99
                            ? new BasicStroke(
                                    1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0)
                            : new BasicStroke(2f));
            g.draw(path);
            g.drawString(names[i] + (pct[i] == 99 ? " (dashed)" : ""), LEFT + 15, top + 45 + 16 * c++);
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** A plot area with a linear x axis and a logarithmic y axis in milliseconds. */
    private record Frame(int top, String title, double minX, double maxX, double maxMs) {
        int bottom() {
            return top + PANEL_H - 50;
        }

        int x(double value) {
            return LEFT + (int) Math.round((value - minX) / (maxX - minX) * (W - LEFT - RIGHT));
        }

        int y(double ms) {
            double lo = Math.log10(MIN_MS);
            double hi = Math.log10(Math.max(maxMs * 1.5, 1));
            double v = Math.log10(Math.max(MIN_MS, ms));
            return bottom() - (int) Math.round((v - lo) / (hi - lo) * (bottom() - top - 30));
        }

        void axes(Graphics2D g, String xLabel) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.setColor(Color.BLACK);
            g.drawString(title, LEFT, top + 15);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawLine(LEFT, bottom(), W - RIGHT, bottom());
            g.drawLine(LEFT, top + 25, LEFT, bottom());
            for (double ms = 0.1; ms <= maxMs * 1.5; ms *= 10) {
                int y = y(ms);
                g.setColor(new Color(0xdddddd));
                g.drawLine(LEFT + 1, y, W - RIGHT, y);
                g.setColor(Color.GRAY);
                g.drawString(
                        ms < 1 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms),
                        10,
                        y + 4);
            }
            g.setColor(Color.BLACK);
            g.drawString(xLabel, (W - LEFT) / 2, bottom() + 36);
        }
    }

    private Chart() {}
}
