package org.outpost.dashboard.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.outpost.core.entity.geo.Boundaries;
import org.outpost.core.entity.geo.GeoPoint;

/**
 * The shipped boundaries as the browser gets them: the core's GeoJSON with a {@code key} on every feature (its
 * gazetteer entity, else its layer, country and name), which the map's option names each shape by, gzipped once
 * and versioned by its content so the browser may keep it for good.
 */
public final class MapShapes {

    /** One shape of the map. */
    public record Shape(
            String key,
            String layer,
            String name,
            String country,
            @Nullable String entity) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private static @Nullable MapShapes shipped;

    private final List<Shape> shapes;
    private final Map<String, Shape> byEntity;
    private final byte[] json;
    private final byte[] gzip;
    private final String version;
    /** The shapes' extent in degrees: west, south, east, north. */
    private final double[] extent = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};

    MapShapes(String geoJson) {
        try {
            JsonNode root = JSON.readTree(geoJson);
            List<Shape> all = new ArrayList<>();
            Map<String, Shape> entities = new LinkedHashMap<>();
            for (JsonNode feature : root.path("features")) {
                JsonNode p = feature.path("properties");
                String layer = p.path("layer").asText();
                String name = p.path("name").asText();
                String country = p.path("country").asText();
                String entity = p.hasNonNull("entity") ? p.get("entity").asText() : null;
                // a shape that is no gazetteer entity still needs a name of its own: ECharts merges shapes of one name
                String key = entity != null ? entity : "shape:" + layer + ":" + country + ":" + name;
                ((ObjectNode) p).put("key", key);
                extend(feature.path("geometry").path("coordinates"));
                Shape shape = new Shape(key, layer, name, country, entity);
                all.add(shape);
                if (entity != null) {
                    entities.putIfAbsent(entity, shape);
                }
            }
            this.shapes = List.copyOf(all);
            this.byEntity = Map.copyOf(entities);
            this.json = JSON.writeValueAsBytes(root);
            this.gzip = gzip(json);
            this.version = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(json))
                    .substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("the map's boundaries are not GeoJSON", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The boundaries shipped with the app, read once. */
    public static synchronized MapShapes shipped() {
        if (shipped == null) {
            shipped = new MapShapes(Boundaries.shipped().geoJson());
        }
        return shipped;
    }

    /** Every shape, countries first, as the GeoJSON lists them (later ones are drawn on top). */
    public List<Shape> shapes() {
        return shapes;
    }

    /** The shape drawn for a typed gazetteer entity ({@code region:Batken}), if the map has one. */
    public Optional<Shape> of(String entity) {
        return Optional.ofNullable(byEntity.get(entity));
    }

    /**
     * Whether a point lies within the shapes' extent: one beyond it (Moscow, Istanbul) has no spot on the map, whose
     * view shows the shapes, and would be drawn in the margin beside them.
     */
    public boolean covers(GeoPoint point) {
        return point.lon() >= extent[0]
                && point.lat() >= extent[1]
                && point.lon() <= extent[2]
                && point.lat() <= extent[3];
    }

    /** Widens the extent by every position of a geometry's (nested) coordinate arrays. */
    private void extend(JsonNode coordinates) {
        if (!coordinates.isArray() || coordinates.isEmpty()) {
            return;
        }
        if (coordinates.get(0).isNumber()) {
            double lon = coordinates.get(0).asDouble();
            double lat = coordinates.path(1).asDouble();
            extent[0] = Math.min(extent[0], lon);
            extent[1] = Math.min(extent[1], lat);
            extent[2] = Math.max(extent[2], lon);
            extent[3] = Math.max(extent[3], lat);
            return;
        }
        for (JsonNode inner : coordinates) {
            extend(inner);
        }
    }

    /** The keyed GeoJSON, UTF-8. */
    public byte[] json() {
        return json.clone();
    }

    /** The same, gzipped. */
    public byte[] gzip() {
        return gzip.clone();
    }

    /** Changes whenever the shapes do: in their address, so a browser's copy never goes stale. */
    public String version() {
        return version;
    }

    /** The name the browser registers the shapes under (ECharts' {@code registerMap}). */
    public String mapName() {
        return "outpost-" + version;
    }

    /** Where the app serves them ({@link MapShapesController}), relative to the page. */
    public String address() {
        return "map/shapes/" + version + ".geojson";
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return shapes.size() + " shapes, " + json.length + " B (" + gzip.length + " B gzip), version " + version;
    }
}
