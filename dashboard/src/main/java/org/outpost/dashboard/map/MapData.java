package org.outpost.dashboard.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.outpost.core.entity.geo.GeoPoint;

/**
 * What the map draws from the counts: every shape with the articles naming its entity (zero for a shape no
 * article names or that is no gazetteer entity), and a marker for each named place with a position, sized by its
 * articles. A region or country with a position but no shape of the map is a marker too (the Wakhan Corridor, the
 * Ferghana Valley), except the regions that span several countries; an entity with neither is left out (it cannot be
 * drawn).
 *
 * @param areas every shape of the map, in its drawing order
 * @param markers the named places, most named first
 */
public record MapData(List<Area> areas, List<Marker> markers) {

    public record Area(MapShapes.Shape shape, long count) {}

    public record Marker(String entity, GeoPoint at, long count) {}

    /**
     * Regions of several countries: the gazetteer gives each a point (a visual centre, for a label), but a marker
     * there would say that something happened at that spot, in the one country the point falls in.
     */
    static final Set<String> SPANNING = Set.of(
            "region:Central Asia",
            "region:South Asia",
            "region:Middle East",
            "region:Caucasus",
            "region:South Caucasus",
            "region:North Caucasus");

    public MapData {
        areas = List.copyOf(areas);
        markers = List.copyOf(markers);
    }

    /**
     * @param counts typed entity to the articles naming it
     * @param positions a typed entity's position (the gazetteer's {@code at:})
     */
    public static MapData of(
            Map<String, Long> counts, MapShapes shapes, Function<String, Optional<GeoPoint>> positions) {
        List<Area> areas = new ArrayList<>();
        for (MapShapes.Shape shape : shapes.shapes()) {
            long count = shape.entity() == null ? 0 : counts.getOrDefault(shape.entity(), 0L);
            areas.add(new Area(shape, count));
        }
        List<Marker> markers = new ArrayList<>();
        counts.forEach((entity, count) -> {
            if (count <= 0 || !geographic(entity) || SPANNING.contains(entity)) {
                return;
            }
            // a city with a shape of its own (Dushanbe, Bishkek) is still a place: a marker is what finds it
            boolean marked = entity.startsWith("place:") || shapes.of(entity).isEmpty();
            if (marked) {
                positions
                        .apply(entity)
                        .filter(shapes::covers)
                        .ifPresent(at -> markers.add(new Marker(entity, at, count)));
            }
        });
        markers.sort(Comparator.comparingLong(Marker::count).reversed());
        return new MapData(areas, markers);
    }

    /** Whether a typed entity is one the map can draw: a country, a region or a place. */
    public static boolean geographic(String entity) {
        return entity.startsWith("country:") || entity.startsWith("region:") || entity.startsWith("place:");
    }

    /** Whether nothing on the map is named in the period. */
    public boolean empty() {
        return areas.stream().noneMatch(a -> a.count() > 0) && markers.isEmpty();
    }

    /** The most articles any shape or marker has: what the shading and sizes scale to. */
    public long max() {
        long max = 0;
        for (Area a : areas) {
            max = Math.max(max, a.count());
        }
        for (Marker m : markers) {
            max = Math.max(max, m.count());
        }
        return max;
    }

    /** The articles naming an entity, as drawn (0 when the map does not draw it). */
    public long count(String entity) {
        for (Marker m : markers) {
            if (m.entity().equals(entity)) {
                return m.count();
            }
        }
        for (Area a : areas) {
            if (entity.equals(a.shape().entity())) {
                return a.count();
            }
        }
        return 0;
    }
}
