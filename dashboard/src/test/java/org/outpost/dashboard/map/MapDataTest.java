package org.outpost.dashboard.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.outpost.core.entity.geo.GeoPoint;
import org.outpost.dashboard.map.ui.MapPanel;

class MapDataTest {

    private static final Locale RU = Locale.forLanguageTag("ru");

    /** Five shapes as the shipped file writes them: two countries, a region, a city, a province of no entity. */
    private static final MapShapes SHAPES = new MapShapes("""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"layer":"country","name":"Tajikistan","country":"Tajikistan","entity":"country:Tajikistan"},
             "geometry":{"type":"Polygon","coordinates":[[[67,37],[75,37],[75,41],[67,41],[67,37]]]}},
            {"type":"Feature","properties":{"layer":"country","name":"Kyrgyzstan","country":"Kyrgyzstan","entity":"country:Kyrgyzstan"},
             "geometry":{"type":"Polygon","coordinates":[[[69,39],[80,39],[80,43],[69,43],[69,39]]]}},
            {"type":"Feature","properties":{"layer":"region","name":"Batken","country":"Kyrgyzstan","entity":"region:Batken"},
             "geometry":{"type":"Polygon","coordinates":[[[69.5,39.5],[72,39.5],[72,40.3],[69.5,40.3],[69.5,39.5]]]}},
            {"type":"Feature","properties":{"layer":"region","name":"Dushanbe","country":"Tajikistan","entity":"place:Dushanbe"},
             "geometry":{"type":"Polygon","coordinates":[[[68.7,38.5],[68.9,38.5],[68.9,38.6],[68.7,38.6],[68.7,38.5]]]}},
            {"type":"Feature","properties":{"layer":"region","name":"Bukhoro","country":"Uzbekistan"},
             "geometry":{"type":"Polygon","coordinates":[[[62,35],[65,35],[65,41],[62,41],[62,35]]]}}]}
            """);

    private static final Map<String, GeoPoint> AT = Map.of(
            "place:Dushanbe", new GeoPoint(38.56, 68.77),
            "place:Vorukh", new GeoPoint(39.85, 70.58),
            "place:Khorog", new GeoPoint(37.49, 71.55),
            "region:Batken", new GeoPoint(40.06, 70.82),
            "region:Panjshir", new GeoPoint(35.3, 69.6),
            "region:Central Asia", new GeoPoint(41.5, 64.5),
            "place:Moscow", new GeoPoint(55.76, 37.62));
    private static final Function<String, Optional<GeoPoint>> POSITIONS = e -> Optional.ofNullable(AT.get(e));

    private static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("country:Tajikistan", 12L);
        counts.put("org:CSTO", 9L); // no place: neither shape nor marker
        counts.put("place:Dushanbe", 7L);
        counts.put("region:Batken", 5L);
        counts.put("place:Vorukh", 3L);
        counts.put("region:Panjshir", 2L); // a region with a position but no shape of the map: a marker
        counts.put("place:Atlantis", 1L); // a place without a position: cannot be drawn
        counts.put("region:Central Asia", 6L); // several countries: its point is a label's, not a place
        counts.put("place:Moscow", 4L); // beyond every shape: the map's view has no spot for it
        return counts;
    }

    @Test
    void everyShapeIsAnAreaWithTheArticlesNamingItsEntityAndOnlyDrawablePlacesAreMarkers() {
        MapData data = MapData.of(counts(), SHAPES, POSITIONS);

        Map<String, Long> areas = new LinkedHashMap<>();
        data.areas().forEach(a -> areas.put(a.shape().key(), a.count()));
        assertThat(areas)
                .containsExactly(
                        Map.entry("country:Tajikistan", 12L),
                        Map.entry("country:Kyrgyzstan", 0L),
                        Map.entry("region:Batken", 5L),
                        Map.entry("place:Dushanbe", 7L),
                        Map.entry("shape:region:Uzbekistan:Bukhoro", 0L));
        assertThat(data.markers())
                .extracting(MapData.Marker::entity, MapData.Marker::count)
                .as("places with a position (a city with a shape too), a region without a shape; most named first")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("place:Dushanbe", 7L),
                        org.assertj.core.groups.Tuple.tuple("place:Vorukh", 3L),
                        org.assertj.core.groups.Tuple.tuple("region:Panjshir", 2L));
        assertThat(data.count("region:Batken")).isEqualTo(5);
        assertThat(data.count("org:CSTO")).isZero();
        assertThat(data.count("place:Atlantis")).isZero();
        assertThat(data.count("region:Central Asia")).isZero();
        assertThat(data.count("place:Moscow")).isZero();
        assertThat(data.empty()).isFalse();
        assertThat(MapData.of(Map.of("org:CSTO", 4L), SHAPES, POSITIONS).empty())
                .isTrue();
    }

    @Test
    void withTheShippedShapesAndGazetteerTheFivePlacesOfTheIssueAreDrawn() {
        org.outpost.core.entity.Gazetteer gazetteer = org.outpost.core.entity.Gazetteer.defaults();
        MapShapes shipped = MapShapes.shipped();
        Map<String, Long> counts = Map.of(
                "place:Dushanbe", 4L, "place:Khorog", 3L, "place:Panj", 2L, "place:Vorukh", 2L, "region:Batken", 1L);

        MapData data = MapData.of(counts, shipped, gazetteer::position);

        assertThat(data.markers())
                .extracting(MapData.Marker::entity)
                .containsExactlyInAnyOrder("place:Dushanbe", "place:Khorog", "place:Panj", "place:Vorukh");
        assertThat(data.areas())
                .filteredOn(a -> a.count() > 0)
                .extracting(a -> a.shape().key())
                .contains("region:Batken");
        assertThat(shipped.shapes()).extracting(MapShapes.Shape::key).doesNotHaveDuplicates();
    }

    @Test
    void onlyCountriesRegionsAndPlacesAreCounted() {
        assertThat(MapCounts.geographic(List.of(
                        new org.outpost.core.index.TermCount("org:CSTO", 9),
                        new org.outpost.core.index.TermCount("place:Vorukh", 3),
                        new org.outpost.core.index.TermCount("person:Emomali Rahmon", 2),
                        new org.outpost.core.index.TermCount("region:Batken", 1))))
                .containsExactly(Map.entry("place:Vorukh", 3L), Map.entry("region:Batken", 1L));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRussianReaderReadsRussianNamesAndTheCountInTheTooltips() {
        Map<String, Object> option =
                MapOptions.of(MapData.of(counts(), SHAPES, POSITIONS), SHAPES, RU, null, POSITIONS);

        Map<String, Object> geo = (Map<String, Object>) option.get("geo");
        assertThat(geo.get("map")).isEqualTo(SHAPES.mapName());
        assertThat(geo.get("nameProperty")).isEqualTo("key");
        assertThat(geo.get("roam")).isEqualTo(true);
        Map<String, Map<String, Object>> regions = new LinkedHashMap<>();
        ((List<Map<String, Object>>) geo.get("regions")).forEach(r -> regions.put((String) r.get("name"), r));
        assertThat(regions).hasSize(5);
        assertThat(tooltip(regions.get("region:Batken"))).isEqualTo("Баткен (регион)<br>5 статей");
        assertThat(tooltip(regions.get("country:Tajikistan")))
                .startsWith("Таджикистан")
                .endsWith("12 статей");
        assertThat(((Map<String, Object>) regions.get("region:Batken").get("itemStyle")).get("areaColor"))
                .as("a named region is shaded")
                .asString()
                .startsWith("rgba(22,118,243,");
        assertThat(regions.get("country:Kyrgyzstan"))
                .as("an unnamed country keeps the map's grey")
                .doesNotContainKey("itemStyle");
        assertThat(tooltip(regions.get("shape:region:Uzbekistan:Bukhoro")))
                .as("a shape that is no entity: its name in the data set, no count")
                .isEqualTo("Bukhoro");

        Map<String, Object> places = ((List<Map<String, Object>>) option.get("series")).getFirst();
        assertThat(places.get("type")).isEqualTo("scatter");
        assertThat(places.get("coordinateSystem")).isEqualTo("geo");
        List<Map<String, Object>> points = (List<Map<String, Object>>) places.get("data");
        assertThat(points)
                .extracting(p -> p.get("name"))
                .containsExactly("place:Dushanbe", "place:Vorukh", "region:Panjshir");
        Map<String, Object> vorukh = points.get(1);
        assertThat(vorukh.get("value")).isEqualTo(List.of(70.58, 39.85, 3L));
        assertThat(tooltip(vorukh)).isEqualTo("Ворух (место)<br>3 статьи");
        assertThat(((Map<String, Object>) vorukh.get("label")).get("formatter")).isEqualTo("Ворух");
        assertThat((long) points.get(0).get("symbolSize"))
                .as("sized by articles")
                .isGreaterThan((long) vorukh.get("symbolSize"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEntityInTheAddressCentresZoomsAndOutlinesIt() {
        Map<String, Object> region =
                MapOptions.of(MapData.of(counts(), SHAPES, POSITIONS), SHAPES, Locale.ENGLISH, null, POSITIONS);
        Map<String, Object> geo = (Map<String, Object>) region.get("geo");
        assertThat(geo.get("center")).isEqualTo(List.of(67.5, 40.5));

        Map<String, Object> onVorukh = MapOptions.of(
                MapData.of(counts(), SHAPES, POSITIONS), SHAPES, Locale.ENGLISH, "place:Vorukh", POSITIONS);
        geo = (Map<String, Object>) onVorukh.get("geo");
        assertThat(geo.get("center")).isEqualTo(List.of(70.58, 39.85));
        assertThat((double) geo.get("zoom")).isGreaterThanOrEqualTo(10);
        Map<String, Object> vorukh = ((List<Map<String, Object>>) ((List<Map<String, Object>>) onVorukh.get("series"))
                        .getFirst()
                        .get("data"))
                .get(1);
        assertThat(((Map<String, Object>) vorukh.get("itemStyle")).get("color")).isEqualTo(MapOptions.FOCUS);

        Map<String, Object> onBatken = MapOptions.of(
                MapData.of(counts(), SHAPES, POSITIONS), SHAPES, Locale.ENGLISH, "region:Batken", POSITIONS);
        Map<String, Object> batken = ((List<Map<String, Object>>)
                        ((Map<String, Object>) onBatken.get("geo")).get("regions"))
                .stream()
                        .filter(r -> r.get("name").equals("region:Batken"))
                        .findFirst()
                        .orElseThrow();
        assertThat(((Map<String, Object>) batken.get("itemStyle")).get("borderColor"))
                .isEqualTo(MapOptions.FOCUS);
    }

    @Test
    void aClickOpensExploreOnTheEntityOverThePeriodsDaysAndTopic() {
        MapPanel.Scope week = new MapPanel.Scope(
                null, Instant.parse("2026-11-29T00:00:00Z"), Instant.parse("2026-12-06T00:00:00Z"), ZoneId.of("UTC"));
        assertThat(week.explore("place:Vorukh").getQueryString())
                .isEqualTo("q=entities%3A%22place%3AVorukh%22&from=2026-11-29&to=2026-12-05");
        MapPanel.Scope topic =
                new MapPanel.Scope("border_security", week.from(), week.to(), ZoneId.of("Asia/Dushanbe"));
        assertThat(topic.explore("region:Batken").getQueryString())
                .isEqualTo(
                        "q=topics%3Aborder_security%20AND%20entities%3A%22region%3ABatken%22&from=2026-11-29&to=2026-12-06");
    }

    @Test
    void theShapesAreKeyedAndVersionedByTheirContent() throws Exception {
        String served = new String(SHAPES.json(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(served)
                .contains("\"key\":\"region:Batken\"")
                .contains("\"key\":\"shape:region:Uzbekistan:Bukhoro\"");
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(SHAPES.gzip()))) {
            assertThat(in.readAllBytes()).isEqualTo(SHAPES.json());
        }
        assertThat(SHAPES.address()).isEqualTo("map/shapes/" + SHAPES.version() + ".geojson");
        assertThat(new MapShapes(served.replace("Bukhoro", "Buxoro")).version()).isNotEqualTo(SHAPES.version());
    }

    @SuppressWarnings("unchecked")
    private static String tooltip(Map<String, Object> item) {
        return (String) ((Map<String, Object>) item.get("tooltip")).get("formatter");
    }
}
