package org.outpost.core.entity.geo;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One shape of the shipped boundaries: a country or a first-level region, as one or more polygons.
 *
 * @param layer    {@code "country"} or {@code "region"}
 * @param name     the name the data set gives it (Natural Earth's, with the gazetteer's name for countries)
 * @param country  the country it is or belongs to, by the gazetteer's canonical name where the gazetteer has it
 * @param entity   the typed gazetteer entity the shape is ({@code country:Tajikistan}, {@code region:Batken}), if any
 * @param polygons its polygons: several for a country with exclaves (Tajikistan's Vorukh) or islands
 */
public record BoundaryFeature(
        String layer, String name, String country, Optional<String> entity, List<Polygon> polygons) {

    public static final String COUNTRY = "country";
    public static final String REGION = "region";

    public BoundaryFeature {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(entity, "entity");
        polygons = List.copyOf(polygons);
    }

    /** Whether the point lies inside one of the polygons (not in a hole). */
    public boolean contains(GeoPoint point) {
        for (Polygon polygon : polygons) {
            if (polygon.contains(point)) {
                return true;
            }
        }
        return false;
    }

    /** 0 for a point inside, else how far it is from the nearest edge, in degrees (a planar measure, for tolerances). */
    public double degreesOutside(GeoPoint point) {
        if (contains(point)) {
            return 0;
        }
        double nearest = Double.POSITIVE_INFINITY;
        for (Polygon polygon : polygons) {
            for (List<GeoPoint> ring : polygon.rings()) {
                nearest = Math.min(nearest, Polygon.distanceToRing(ring, point));
            }
        }
        return nearest;
    }

    /**
     * A polygon: its outer ring and its holes (an enclave of another country), each ring closed (last point = first).
     *
     * @param rings the outer ring first, then the holes
     */
    public record Polygon(List<List<GeoPoint>> rings) {

        public Polygon {
            rings = rings.stream().map(List::copyOf).toList();
            if (rings.isEmpty()) {
                throw new IllegalArgumentException("a polygon needs an outer ring");
            }
        }

        public List<GeoPoint> outer() {
            return rings.getFirst();
        }

        /** Inside the outer ring and in none of the holes (even-odd rule on each ring). */
        public boolean contains(GeoPoint point) {
            if (!inRing(outer(), point)) {
                return false;
            }
            for (int i = 1; i < rings.size(); i++) {
                if (inRing(rings.get(i), point)) {
                    return false;
                }
            }
            return true;
        }

        static boolean inRing(List<GeoPoint> ring, GeoPoint point) {
            boolean inside = false;
            double x = point.lon();
            double y = point.lat();
            for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                double xi = ring.get(i).lon();
                double yi = ring.get(i).lat();
                double xj = ring.get(j).lon();
                double yj = ring.get(j).lat();
                if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
            return inside;
        }

        static double distanceToRing(List<GeoPoint> ring, GeoPoint point) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int i = 0; i + 1 < ring.size(); i++) {
                nearest = Math.min(nearest, distanceToSegment(ring.get(i), ring.get(i + 1), point));
            }
            return nearest;
        }

        private static double distanceToSegment(GeoPoint a, GeoPoint b, GeoPoint p) {
            double dx = b.lon() - a.lon();
            double dy = b.lat() - a.lat();
            double length = dx * dx + dy * dy;
            double t = length == 0
                    ? 0
                    : Math.clamp(((p.lon() - a.lon()) * dx + (p.lat() - a.lat()) * dy) / length, 0.0, 1.0);
            return Math.hypot(p.lon() - (a.lon() + t * dx), p.lat() - (a.lat() + t * dy));
        }
    }
}
