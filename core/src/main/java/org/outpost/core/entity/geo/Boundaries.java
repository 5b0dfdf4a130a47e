package org.outpost.core.entity.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Country and first-level region outlines from a GeoJSON feature collection whose features carry the properties
 * {@code layer} ({@code country} or {@code region}), {@code name}, {@code country} and, where the shape is a gazetteer
 * entity, {@code entity} (e.g. {@code region:Batken}).
 *
 * <p>{@link #shipped()} is Central Asia and its neighbours (lon 44..96, lat 24..56), built from Natural Earth by
 * {@code build/boundaries/make-boundaries.mjs}; see the README beside it for sources, licences and simplification.
 *
 * <p>A file that is not such a collection fails with an {@link IllegalArgumentException} naming the source and the
 * feature. Immutable and thread-safe.
 */
public final class Boundaries {

    static final String SHIPPED_RESOURCE = "/org/outpost/core/entity/boundaries/central-asia.geojson";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LAYERS = Set.of(BoundaryFeature.COUNTRY, BoundaryFeature.REGION);

    private final String geoJson;
    private final List<BoundaryFeature> features;
    /** The country shapes by country name, for {@link #contains}. */
    private final Map<String, List<BoundaryFeature>> countries;
    /** The shapes' extent in degrees. */
    private final double west, south, east, north;

    private Boundaries(String geoJson, List<BoundaryFeature> features) {
        this.geoJson = geoJson;
        this.features = List.copyOf(features);
        Map<String, List<BoundaryFeature>> byCountry = new LinkedHashMap<>();
        for (BoundaryFeature feature : this.features) {
            if (feature.layer().equals(BoundaryFeature.COUNTRY)) {
                byCountry
                        .computeIfAbsent(feature.country(), k -> new ArrayList<>())
                        .add(feature);
            }
        }
        byCountry.replaceAll((country, shapes) -> List.copyOf(shapes));
        this.countries = Map.copyOf(byCountry);
        double w = Double.MAX_VALUE, s = Double.MAX_VALUE, e = -Double.MAX_VALUE, n = -Double.MAX_VALUE;
        for (BoundaryFeature feature : this.features) {
            for (BoundaryFeature.Polygon polygon : feature.polygons()) {
                for (GeoPoint p : polygon.outer()) {
                    w = Math.min(w, p.lon());
                    s = Math.min(s, p.lat());
                    e = Math.max(e, p.lon());
                    n = Math.max(n, p.lat());
                }
            }
        }
        this.west = w;
        this.south = s;
        this.east = e;
        this.north = n;
    }

    /** The boundaries shipped with Outpost, read once from the class path. */
    public static Boundaries shipped() {
        return Shipped.INSTANCE;
    }

    private static final class Shipped {
        static final Boundaries INSTANCE = load();

        private static Boundaries load() {
            String source = "classpath:" + SHIPPED_RESOURCE;
            try (InputStream in = Boundaries.class.getResourceAsStream(SHIPPED_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the shipped boundaries " + source + " are missing");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the shipped boundaries " + source, e);
            }
        }
    }

    /**
     * Boundaries read from GeoJSON text; {@code source} names it in error messages.
     *
     * @throws IllegalArgumentException for text that is not a feature collection of such features
     */
    public static Boundaries parse(String geoJson, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(geoJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new IllegalArgumentException(source + ": expected a GeoJSON FeatureCollection");
        }
        JsonNode list = root.path("features");
        if (!list.isArray()) {
            throw new IllegalArgumentException(source + ": 'features' must be a list");
        }
        List<BoundaryFeature> features = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            features.add(feature(list.get(i), source + ": features[" + i + "]"));
        }
        return new Boundaries(geoJson, features);
    }

    /** The GeoJSON text as read, for the browser's map. */
    public String geoJson() {
        return geoJson;
    }

    /** Every shape, countries first as the file orders them. */
    public List<BoundaryFeature> features() {
        return features;
    }

    /** The shapes of one layer ({@link BoundaryFeature#COUNTRY} or {@link BoundaryFeature#REGION}). */
    public List<BoundaryFeature> layer(String layer) {
        return features.stream().filter(f -> f.layer().equals(layer)).toList();
    }

    /**
     * Whether a point lies within the shapes' extent (their bounding box): one beyond it (Moscow, Istanbul) has no
     * outline around it, so a map of these shapes has no spot for it.
     */
    public boolean covers(GeoPoint point) {
        return point.lon() >= west && point.lon() <= east && point.lat() >= south && point.lat() <= north;
    }

    /** Whether these boundaries have a shape for the country (by the gazetteer's name). */
    public boolean hasCountry(String country) {
        return countries.containsKey(country);
    }

    /** Whether the point lies inside the country's shape; false for a country with no shape here. */
    public boolean contains(String country, GeoPoint point) {
        for (BoundaryFeature shape : countries.getOrDefault(country, List.of())) {
            if (shape.contains(point)) {
                return true;
            }
        }
        return false;
    }

    /**
     * 0 for a point inside the country's shape, else its distance from the shape in degrees (for a stated tolerance,
     * since simplified borders move a town on a border river a few hundred metres); empty for a country with no shape.
     */
    public Optional<Double> degreesOutside(String country, GeoPoint point) {
        List<BoundaryFeature> shapes = countries.get(country);
        if (shapes == null) {
            return Optional.empty();
        }
        return Optional.of(shapes.stream()
                .mapToDouble(shape -> shape.degreesOutside(point))
                .min()
                .orElseThrow());
    }

    // ---------------------------------------------------------------------------------------------- parsing

    private static BoundaryFeature feature(JsonNode node, String where) {
        JsonNode properties = node.path("properties");
        String layer = text(properties, "layer", where);
        if (!LAYERS.contains(layer)) {
            throw new IllegalArgumentException(where + ": layer '" + layer + "' is not country or region");
        }
        String name = text(properties, "name", where);
        where = where + " (" + name + ")";
        String country = text(properties, "country", where);
        JsonNode entity = properties.get("entity");
        Optional<String> typed = entity == null || entity.isNull() ? Optional.empty() : Optional.of(entity.asText());
        return new BoundaryFeature(layer, name, country, typed, polygons(node.path("geometry"), where));
    }

    private static String text(JsonNode properties, String key, String where) {
        JsonNode value = properties.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": property '" + key + "' is missing or not a text");
        }
        return value.asText();
    }

    private static List<BoundaryFeature.Polygon> polygons(JsonNode geometry, String where) {
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        if (!coordinates.isArray()) {
            throw new IllegalArgumentException(where + ": the geometry has no coordinates");
        }
        return switch (type) {
            case "Polygon" -> List.of(polygon(coordinates, where));
            case "MultiPolygon" -> {
                List<BoundaryFeature.Polygon> polygons = new ArrayList<>(coordinates.size());
                for (JsonNode polygon : coordinates) {
                    polygons.add(polygon(polygon, where));
                }
                yield polygons;
            }
            default ->
                throw new IllegalArgumentException(
                        where + ": geometry type '" + type + "' is not Polygon or MultiPolygon");
        };
    }

    private static BoundaryFeature.Polygon polygon(JsonNode rings, String where) {
        List<List<GeoPoint>> result = new ArrayList<>(rings.size());
        for (JsonNode ring : rings) {
            List<GeoPoint> points = new ArrayList<>(ring.size());
            for (JsonNode position : ring) {
                if (!position.isArray()
                        || position.size() < 2
                        || !position.get(0).isNumber()
                        || !position.get(1).isNumber()) {
                    throw new IllegalArgumentException(where + ": a position is not [lon, lat]: " + position);
                }
                // GeoJSON writes longitude first
                points.add(
                        new GeoPoint(position.get(1).asDouble(), position.get(0).asDouble()));
            }
            if (points.size() < 4) {
                throw new IllegalArgumentException(where + ": a ring has fewer than 4 positions");
            }
            result.add(points);
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException(where + ": a polygon has no ring");
        }
        return new BoundaryFeature.Polygon(result);
    }

    @Override
    public String toString() {
        return "Boundaries[" + features.size() + " shapes, " + countries.size() + " countries]";
    }
}
