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
    /** The same shapes as core reads them: their extent. */
    private final Boundaries boundaries;

    MapShapes(String geoJson) {
        this(Boundaries.parse(geoJson, "the map's shapes"));
    }

    private MapShapes(Boundaries boundaries) {
        this.boundaries = boundaries;
        String geoJson = boundaries.geoJson();
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
            shipped = new MapShapes(Boundaries.shipped());
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
        return boundaries.covers(point);
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
