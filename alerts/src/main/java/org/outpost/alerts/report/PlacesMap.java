package org.outpost.alerts.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.entity.geo.Boundaries;
import org.outpost.core.entity.geo.BoundaryFeature;
import org.outpost.core.entity.geo.GeoPoint;
import org.outpost.core.index.TermCount;

/**
 * The report's map of the period's most mentioned places as a PNG drawn with Java2D on the server, like the
 * {@link TrendChart}: email clients show images, not the dashboard's map. Country outlines from the shipped
 * {@link Boundaries}, each place a circle whose area grows with its mentions, labelled with its name in the reader's
 * language and its count; framed on the places, never smaller than a few countries so that the reader sees where.
 */
final class PlacesMap {

    static final int WIDTH = 560;
    static final int HEIGHT = 360;
    /** The most places drawn; more would bury the labels. */
    static final int MOST = 8;

    static final Color MARKER = new Color(0xdc2626);
    private static final Color BACKGROUND = new Color(0xeef2f6);
    private static final Color LAND = new Color(0xfbfbf9);
    private static final Color REGION_LINE = new Color(0xeceef1);
    private static final Color COUNTRY_LINE = new Color(0x4b5563);
    private static final Color COUNTRY_LABEL = new Color(0x6b7280);
    private static final Color LABEL = new Color(0x111827);
    private static final int MIN_RADIUS = 4;
    private static final int MAX_RADIUS = 18;
    /** Degrees around the places, and the least span shown (about Tajikistan and its neighbours). */
    private static final double MARGIN = 1.5;

    private static final double MIN_LAT_SPAN = 6;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Font FONT = ReportFonts.awt(11f);
    private static final Font BOLD = FONT.deriveFont(Font.BOLD);

    private PlacesMap() {}

    /** A place to draw: the typed entity, its point and how many articles named it. */
    record Place(String entity, GeoPoint at, long count) {}

    /**
     * The most mentioned places of the period that the map can show, most first: places, and regions that are a
     * shape on the map (Batken, Gorno-Badakhshan), with a point inside the shipped boundaries. Wide areas (Central
     * Asia, the Ferghana Valley) are left out, since a dot would misplace them.
     */
    static List<Place> places(List<TermCount> entities, Gazetteer gazetteer) {
        Boundaries boundaries = Boundaries.shipped();
        Set<String> regionShapes = boundaries.layer(BoundaryFeature.REGION).stream()
                .flatMap(f -> f.entity().stream())
                .collect(Collectors.toSet());
        return entities.stream()
                .filter(e -> e.count() > 0)
                .filter(e -> e.term().startsWith("place:") || regionShapes.contains(e.term()))
                // a place beyond the shipped boundaries has no outlines around it and is left off the map
                .flatMap(e -> gazetteer.position(e.term()).filter(boundaries::covers).stream()
                        .map(at -> new Place(e.term(), at, e.count())))
                .sorted(Comparator.comparingLong(Place::count).reversed())
                .limit(MOST)
                .toList();
    }

    /**
     * What part of the earth the image shows: an equirectangular view whose longitudes are shrunk by the cosine of
     * its middle latitude, so that shapes look right at this latitude.
     */
    record Frame(double west, double north, double degreesPerPixel, double lonScale) {

        static Frame around(List<GeoPoint> points) {
            double south = points.stream().mapToDouble(GeoPoint::lat).min().orElse(38) - MARGIN;
            double north = points.stream().mapToDouble(GeoPoint::lat).max().orElse(40) + MARGIN;
            double west = points.stream().mapToDouble(GeoPoint::lon).min().orElse(68) - MARGIN;
            double east = points.stream().mapToDouble(GeoPoint::lon).max().orElse(72) + MARGIN;
            double middle = (south + north) / 2;
            double lonScale = Math.cos(Math.toRadians(middle));
            double latSpan = Math.max(north - south, MIN_LAT_SPAN);
            double lonSpan = (east - west) * lonScale; // in "latitude degrees"
            // widen one way or the other to the image's shape
            double aspect = (double) WIDTH / HEIGHT;
            if (lonSpan / latSpan < aspect) {
                lonSpan = latSpan * aspect;
            } else {
                latSpan = lonSpan / aspect;
            }
            double centreLon = (west + east) / 2;
            return new Frame(centreLon - lonSpan / lonScale / 2, middle + latSpan / 2, latSpan / HEIGHT, lonScale);
        }

        double x(GeoPoint p) {
            return (p.lon() - west) * lonScale / degreesPerPixel;
        }

        double y(GeoPoint p) {
            return (north - p.lat()) / degreesPerPixel;
        }
    }

    /** @return the PNG; the places must not be empty (a report with none has no map) */
    static byte[] png(List<Place> places, Gazetteer gazetteer, Locale locale) {
        if (places.isEmpty()) {
            throw new IllegalArgumentException("no places to draw");
        }
        Frame frame = Frame.around(places.stream().map(Place::at).toList());
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Boundaries boundaries = Boundaries.shipped();
            List<BoundaryFeature> countries = boundaries.layer(BoundaryFeature.COUNTRY);
            for (BoundaryFeature country : countries) {
                g.setColor(LAND);
                g.fill(path(country, frame));
            }
            g.setStroke(new BasicStroke(0.5f));
            g.setColor(REGION_LINE);
            for (BoundaryFeature region : boundaries.layer(BoundaryFeature.REGION)) {
                g.draw(path(region, frame));
            }
            g.setStroke(new BasicStroke(1.3f));
            g.setColor(COUNTRY_LINE);
            for (BoundaryFeature country : countries) {
                g.draw(path(country, frame));
            }
            g.setFont(FONT);
            countryLabels(g, countries, frame, gazetteer, locale);
            markers(g, places, frame, gazetteer, locale);
        } finally {
            g.dispose();
        }
        return PngImage.encode(image);
    }

    /** The circle's radius in pixels: its area grows with the count, from a dot to {@link #MAX_RADIUS}. */
    static double radius(long count, long most) {
        return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt((double) count / Math.max(1, most));
    }

    private static Path2D path(BoundaryFeature feature, Frame frame) {
        Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (BoundaryFeature.Polygon polygon : feature.polygons()) {
            for (List<GeoPoint> ring : polygon.rings()) {
                for (int i = 0; i < ring.size(); i++) {
                    double x = frame.x(ring.get(i));
                    double y = frame.y(ring.get(i));
                    if (i == 0) {
                        path.moveTo(x, y);
                    } else {
                        path.lineTo(x, y);
                    }
                }
                path.closePath();
            }
        }
        return path;
    }

    /** Country names in grey at their points, for orientation; under the markers. */
    private static void countryLabels(
            Graphics2D g, List<BoundaryFeature> countries, Frame frame, Gazetteer gazetteer, Locale locale) {
        FontMetrics metrics = g.getFontMetrics();
        g.setColor(COUNTRY_LABEL);
        for (BoundaryFeature country : countries) {
            Optional<String> entity = country.entity();
            Optional<GeoPoint> at = entity.flatMap(gazetteer::position);
            if (entity.isEmpty() || at.isEmpty()) {
                continue;
            }
            String name = gazetteer.displayName(entity.get(), locale).toUpperCase(locale);
            int width = metrics.stringWidth(name);
            int x = (int) Math.round(frame.x(at.get())) - width / 2;
            int y = (int) Math.round(frame.y(at.get()));
            if (x >= 2 && x + width <= WIDTH - 2 && y >= metrics.getAscent() && y <= HEIGHT - 4) {
                g.drawString(name, x, y);
            }
        }
    }

    /**
     * The largest circle first so that smaller ones stay visible on it; the labels last, over every circle, each
     * where it overlaps no label placed before it (right, left, above or below its circle). A label with no free
     * place is left out rather than drawn over another: the report's table of the most mentioned names them all.
     */
    private static void markers(Graphics2D g, List<Place> places, Frame frame, Gazetteer gazetteer, Locale locale) {
        long most = places.getFirst().count();
        for (Place place : places) {
            double r = radius(place.count(), most);
            Ellipse2D circle = new Ellipse2D.Double(frame.x(place.at()) - r, frame.y(place.at()) - r, 2 * r, 2 * r);
            g.setColor(MARKER);
            g.fill(circle);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(circle);
        }
        g.setFont(BOLD);
        FontMetrics metrics = g.getFontMetrics();
        List<Rectangle> taken = new ArrayList<>();
        for (Place place : places) {
            double r = radius(place.count(), most);
            String label = gazetteer.displayName(place.entity(), locale) + " " + place.count();
            int width = metrics.stringWidth(label);
            int height = metrics.getAscent() + metrics.getDescent();
            int cx = (int) Math.round(frame.x(place.at()));
            int cy = (int) Math.round(frame.y(place.at()));
            int gap = (int) Math.ceil(r) + 3;
            List<Rectangle> candidates = List.of(
                    new Rectangle(cx + gap, cy - height / 2, width, height),
                    new Rectangle(cx - gap - width, cy - height / 2, width, height),
                    new Rectangle(cx - width / 2, cy - gap - height, width, height),
                    new Rectangle(cx - width / 2, cy + gap, width, height));
            for (Rectangle box : candidates) {
                boolean inside =
                        box.x >= 2 && box.y >= 2 && box.x + box.width <= WIDTH - 2 && box.y + box.height <= HEIGHT - 2;
                if (inside && taken.stream().noneMatch(box::intersects)) {
                    taken.add(box);
                    halo(g, label, box.x, box.y + metrics.getAscent());
                    break;
                }
            }
        }
    }

    /** Dark text on a white outline, readable over lines and circles alike. */
    private static void halo(Graphics2D g, String text, int x, int y) {
        g.setColor(Color.WHITE);
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                if (dx != 0 || dy != 0) {
                    g.drawString(text, x + dx, y + dy);
                }
            }
        }
        g.setColor(LABEL);
        g.drawString(text, x, y);
    }
}
