package org.outpost.alerts.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.outpost.alerts.ReaderTexts;
import org.outpost.core.index.TrendInterval;

/**
 * The report's trend chart as a PNG drawn with Java2D on the server: email clients show images,
 * not the dashboard's JavaScript charts. Labelled axes (time in the report's zone, article
 * counts) and a legend.
 */
final class TrendChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 320;
    private static final Color[] COLORS = {
        new Color(0x6b7280),
        new Color(0x2563eb),
        new Color(0xdc2626),
        new Color(0x16a34a),
        new Color(0xd97706),
        new Color(0x7c3aed)
    };
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 88;

    static {
        // no display on a server; without this the first Graphics2D would look for one
        System.setProperty("java.awt.headless", "true");
    }

    private static final Font FONT = ReportFonts.awt(11f);

    private TrendChart() {}

    /** @param texts the reader's: axis titles and dates in their language */
    static byte[] png(
            List<Instant> times,
            List<ReportContent.Series> series,
            TrendInterval interval,
            ZoneId zone,
            ReaderTexts texts) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            // the bundled face: a server's default sans-serif may lack Cyrillic, or be missing altogether
            g.setFont(FONT);
            long max = Math.max(
                    1,
                    series.stream()
                            .flatMap(s -> s.counts().stream())
                            .mapToLong(Long::longValue)
                            .max()
                            .orElse(1));
            long step = niceStep(max);
            long top = ((max + step - 1) / step) * step;
            int plotWidth = WIDTH - LEFT - RIGHT;
            int plotHeight = HEIGHT - TOP - BOTTOM;
            yAxis(g, top, step, plotHeight, texts);
            xAxis(g, times, interval, zone, plotWidth, plotHeight, texts);
            for (int i = series.size() - 1; i >= 0; i--) { // the dashed total on top, where topics coincide with it
                line(g, series.get(i).counts(), top, plotWidth, plotHeight, COLORS[i % COLORS.length], i == 0);
            }
            legend(g, series);
        } finally {
            g.dispose();
        }
        return PngImage.encode(image);
    }

    /** 1, 2 or 5 times a power of ten, giving at most five gridlines. */
    static long niceStep(long max) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (max / (step * factor) <= 5) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    private static void yAxis(Graphics2D g, long top, long step, int plotHeight, ReaderTexts texts) {
        FontMetrics metrics = g.getFontMetrics();
        for (long value = 0; value <= top; value += step) {
            int y = TOP + plotHeight - (int) Math.round((double) value / top * plotHeight);
            g.setColor(new Color(0xe5e7eb));
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(new Color(0x374151));
            String label = Long.toString(value);
            g.drawString(label, LEFT - 6 - metrics.stringWidth(label), y + metrics.getAscent() / 2 - 1);
        }
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        String title = texts.get("report.chart.articles");
        rotated.drawString(title, -(TOP + plotHeight / 2 + metrics.stringWidth(title) / 2), 14);
        rotated.dispose();
    }

    private static void xAxis(
            Graphics2D g,
            List<Instant> times,
            TrendInterval interval,
            ZoneId zone,
            int plotWidth,
            int plotHeight,
            ReaderTexts texts) {
        FontMetrics metrics = g.getFontMetrics();
        int baseline = TOP + plotHeight;
        g.setColor(new Color(0x374151));
        g.drawLine(LEFT, baseline, WIDTH - RIGHT, baseline);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(
                texts.get(interval == TrendInterval.HOUR ? "format.chartHour" : "format.chartDay"), texts.locale());
        int labels = Math.min(times.size(), 8);
        int every = Math.max(1, (int) Math.ceil(times.size() / (double) Math.max(1, labels)));
        for (int i = 0; i < times.size(); i += every) {
            int x = x(i, times.size(), plotWidth);
            g.drawLine(x, baseline, x, baseline + 4);
            String label = format.format(times.get(i).atZone(zone));
            g.drawString(label, x - metrics.stringWidth(label) / 2, baseline + 6 + metrics.getAscent());
        }
        String title = texts.get(interval == TrendInterval.HOUR ? "report.chart.hour" : "report.chart.day") + " ("
                + zone.getId() + ")";
        g.drawString(title, LEFT + plotWidth / 2 - metrics.stringWidth(title) / 2, baseline + 22 + metrics.getAscent());
    }

    private static void line(
            Graphics2D g, List<Long> counts, long top, int plotWidth, int plotHeight, Color color, boolean dashed) {
        if (counts.isEmpty()) {
            return;
        }
        Path2D path = new Path2D.Double();
        for (int i = 0; i < counts.size(); i++) {
            double x = x(i, counts.size(), plotWidth);
            double y = TOP + plotHeight - (double) counts.get(i) / top * plotHeight;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        g.setColor(color);
        g.setStroke(
                dashed
                        ? new BasicStroke(
                                1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 4f}, 0f)
                        : new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        g.setStroke(new BasicStroke(1f));
    }

    private static int x(int i, int n, int plotWidth) {
        return LEFT + (n <= 1 ? plotWidth / 2 : (int) Math.round((double) i / (n - 1) * plotWidth));
    }

    private static void legend(Graphics2D g, List<ReportContent.Series> series) {
        FontMetrics metrics = g.getFontMetrics();
        int x = LEFT;
        int y = HEIGHT - 14;
        for (int i = 0; i < series.size(); i++) {
            String name = series.get(i).topicName();
            int width = 18 + metrics.stringWidth(name) + 14;
            if (x + width > WIDTH - RIGHT) {
                break;
            }
            g.setColor(COLORS[i % COLORS.length]);
            g.fillRect(x, y - 8, 12, 8);
            g.setColor(new Color(0x111827));
            g.drawString(name, x + 16, y);
            x += width;
        }
    }
}
