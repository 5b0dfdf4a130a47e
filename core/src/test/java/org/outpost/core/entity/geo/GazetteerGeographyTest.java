package org.outpost.core.entity.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outpost.core.entity.Entity;
import org.outpost.core.entity.EntityTagger;
import org.outpost.core.entity.EntityType;
import org.outpost.core.entity.Gazetteer;

/**
 * The bundled gazetteer's positions against the shipped boundaries: every place and region has a point and a country,
 * and the point lies in that country's outline. Points beyond the shipped box (Moscow, Raqqa, London) are checked
 * against {@code world.geojson}, whole countries from the same Natural Earth data, kept with the tests only.
 */
class GazetteerGeographyTest {

    /** The shipped map's box: lon 44..96, lat 24..56. */
    private static final double WEST = 44, EAST = 96, SOUTH = 24, NORTH = 56;

    /**
     * How far outside its simplified country a point may lie: 0.1° is about 10 km, the size of the simplification's
     * steps on a border river or coast. Only the points listed in {@link #NEAR_THE_LINE} may use it.
     */
    private static final double TOLERANCE_DEGREES = 0.1;

    /** The points that fall just outside their simplified country, and why that is right. */
    private static final Map<String, String> NEAR_THE_LINE = Map.of(
            "place:Kara-Suu",
                    "a town on the Kyrgyz-Uzbek border (the Shahrikhansay canal); the simplified line cuts it",
            "place:Sher Khan Bandar", "the Afghan bank of the Panj; the 1:50m river border runs a few km south of it",
            "place:Istanbul", "on the Bosphorus; the world file is simplified coarsely (only the tests read it)",
            "place:New York", "on the coast; the world file is simplified coarsely (only the tests read it)");

    /** Countries places are in that are no entity of the gazetteer. */
    private static final Set<String> COUNTRIES_BEYOND_THE_GAZETTEER = Set.of("Austria", "Belgium");

    private static Gazetteer gazetteer;
    private static Boundaries shipped;
    private static Boundaries world;

    @BeforeAll
    static void load() throws IOException {
        gazetteer = Gazetteer.defaults();
        shipped = Boundaries.shipped();
        try (InputStream in = GazetteerGeographyTest.class.getResourceAsStream("world.geojson")) {
            world = Boundaries.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "world.geojson");
        }
    }

    private static List<Entity> ofTypes(EntityType... types) {
        Set<EntityType> wanted = Set.of(types);
        return gazetteer.entities().stream()
                .filter(e -> wanted.contains(e.type()))
                .toList();
    }

    private static Set<String> gazetteerCountries() {
        return ofTypes(EntityType.COUNTRY).stream().map(Entity::name).collect(Collectors.toSet());
    }

    private static boolean inTheBox(GeoPoint p) {
        return p.lon() >= WEST && p.lon() <= EAST && p.lat() >= SOUTH && p.lat() <= NORTH;
    }

    @Test
    void everyPlaceAndRegionHasAPointAndAKnownCountry() {
        List<Entity> placesAndRegions = ofTypes(EntityType.PLACE, EntityType.REGION);
        assertThat(placesAndRegions).hasSizeGreaterThanOrEqualTo(117);
        Set<String> countries = gazetteerCountries();
        assertThat(placesAndRegions).allSatisfy(entity -> {
            assertThat(gazetteer.position(entity.typed())).as(entity.typed()).isPresent();
            assertThat(gazetteer.countryOf(entity.typed()))
                    .as(entity.typed())
                    .hasValueSatisfying(country -> assertThat(
                                    countries.contains(country) || COUNTRIES_BEYOND_THE_GAZETTEER.contains(country))
                            .as(entity.typed() + " is in '" + country + "', no country of the gazetteer")
                            .isTrue());
        });
    }

    @Test
    void everyCountryButTheSovietUnionHasAPoint() {
        assertThat(ofTypes(EntityType.COUNTRY))
                .filteredOn(country -> !country.name().equals("Soviet Union"))
                .allSatisfy(country -> assertThat(gazetteer.position(country.typed()))
                        .as(country.typed())
                        .isPresent());
        assertThat(gazetteer.position("country:Soviet Union"))
                .as("a historical state, no shape")
                .isEmpty();
    }

    @Test
    void everyPointLiesInItsCountrysOutline() {
        List<Entity> located = new ArrayList<>(ofTypes(EntityType.PLACE, EntityType.REGION, EntityType.COUNTRY));
        Map<String, String> outside = new TreeMap<>();
        Map<String, Double> nearTheLine = new TreeMap<>();
        for (Entity entity : located) {
            GeoPoint point = gazetteer.position(entity.typed()).orElse(null);
            if (point == null) {
                continue;
            }
            String country = gazetteer.countryOf(entity.typed()).orElseThrow();
            if (shipped.contains(country, point) || world.contains(country, point)) {
                continue;
            }
            double off = distance(country, point);
            if (off <= TOLERANCE_DEGREES) {
                nearTheLine.put(entity.typed(), off);
            } else {
                outside.put(
                        entity.typed(),
                        point + " is " + (Double.isInfinite(off) ? "in no shape of " : off + "° off ") + country);
            }
        }
        assertThat(outside).as("points outside their country").isEmpty();
        assertThat(nearTheLine.keySet())
                .as("points within %s° of their country's line, each listed with its reason", TOLERANCE_DEGREES)
                .isEqualTo(NEAR_THE_LINE.keySet());
    }

    private static double distance(String country, GeoPoint point) {
        return Math.min(
                shipped.degreesOutside(country, point).orElse(Double.POSITIVE_INFINITY),
                world.degreesOutside(country, point).orElse(Double.POSITIVE_INFINITY));
    }

    @Test
    void everyCountryOnTheMapHasAShippedShape() {
        List<String> onTheMap = ofTypes(EntityType.COUNTRY).stream()
                .filter(c -> gazetteer
                        .position(c.typed())
                        .map(GazetteerGeographyTest::inTheBox)
                        .orElse(false))
                .map(Entity::name)
                .toList();
        assertThat(onTheMap)
                .contains("Tajikistan", "Kyrgyzstan", "Uzbekistan", "Kazakhstan", "Turkmenistan", "Afghanistan")
                .contains("Pakistan", "Iran", "China", "Russia", "Azerbaijan", "Armenia", "Qatar", "Kuwait");
        assertThat(onTheMap)
                .allSatisfy(country ->
                        assertThat(shipped.hasCountry(country)).as(country).isTrue());
        // and every place and region in the box has its country's shape in the shipped file, not only in the tests'
        assertThat(ofTypes(EntityType.PLACE, EntityType.REGION))
                .filteredOn(e -> inTheBox(gazetteer.position(e.typed()).orElseThrow()))
                .allSatisfy(e -> assertThat(shipped.hasCountry(
                                gazetteer.countryOf(e.typed()).orElseThrow()))
                        .as(e.typed())
                        .isTrue());
    }

    @Test
    void everyEntityOfTheBoundariesIsAGazetteerEntity() {
        Set<String> known = gazetteer.entities().stream().map(Entity::typed).collect(Collectors.toSet());
        for (Boundaries boundaries : List.of(shipped, world)) {
            assertThat(boundaries.features())
                    .allSatisfy(f -> f.entity()
                            .ifPresent(entity -> assertThat(known)
                                    .as(f.layer() + " " + f.name())
                                    .contains(entity)));
        }
        // the shapes the map shades as entities: the Central Asian countries and the regions the news names most
        assertThat(shipped.features().stream().flatMap(f -> f.entity().stream()))
                .contains("country:Tajikistan", "country:Afghanistan", "region:Gorno-Badakhshan", "region:Batken")
                .contains("region:Sughd", "region:Khatlon", "region:Kunduz", "region:Xinjiang");
        // a shape that is a country entity is in that country
        assertThat(shipped.features())
                .filteredOn(
                        f -> f.entity().filter(e -> e.startsWith("country:")).isPresent())
                .allSatisfy(f -> assertThat(f.entity()).contains("country:" + f.country()));
    }

    @Test
    void theFerghanaEnclavesArePresentAsShapes() {
        // Vorukh (Tajik) and Sokh and Shakhimardan (Uzbek), inside Kyrgyzstan's Batken region
        GeoPoint vorukh = gazetteer.position("place:Vorukh").orElseThrow();
        GeoPoint sokh = new GeoPoint(39.96, 71.12);
        GeoPoint shakhimardan = new GeoPoint(39.96, 71.74);
        assertThat(shipped.contains("Tajikistan", vorukh)).isTrue();
        assertThat(shipped.contains("Kyrgyzstan", vorukh)).isFalse();
        assertThat(shipped.contains("Uzbekistan", sokh)).isTrue();
        assertThat(shipped.contains("Kyrgyzstan", sokh)).isFalse();
        assertThat(shipped.contains("Uzbekistan", shakhimardan)).isTrue();
        assertThat(shipped.contains("Kyrgyzstan", shakhimardan)).isFalse();
        // and Batken town, a few km from Vorukh, is Kyrgyz
        assertThat(shipped.contains("Kyrgyzstan", new GeoPoint(40.06, 70.82))).isTrue();
    }

    @Test
    void russianDisplayNamesAndMatchingStillWork() {
        Locale russian = Locale.forLanguageTag("ru");
        assertThat(gazetteer.displayName("place:Vorukh", russian)).isEqualTo("Ворух");
        assertThat(gazetteer.displayName("place:Khorog", russian)).isEqualTo("Хорог");
        assertThat(gazetteer.displayName("region:Gorno-Badakhshan", russian)).isEqualTo("ГБАО");
        assertThat(new EntityTagger(gazetteer).tag("Пограничники в Хороге и Ворухе"))
                .extracting(Entity::typed)
                .contains("place:Khorog", "place:Vorukh");
    }

    @Test
    void knownPointsAreWhereTheyAre() {
        assertThat(gazetteer.position("place:Dushanbe")).contains(new GeoPoint(38.56, 68.77));
        assertThat(gazetteer.position("place:Khorog")).contains(new GeoPoint(37.49, 71.55));
        assertThat(gazetteer.position("place:Vorukh")).contains(new GeoPoint(39.85, 70.57));
        assertThat(gazetteer.countryOf("place:Vorukh")).contains("Tajikistan");
        assertThat(gazetteer.countryOf("region:Batken")).contains("Kyrgyzstan");
        assertThat(gazetteer.countryOf("place:Raqqa")).contains("Syria");
    }
}
