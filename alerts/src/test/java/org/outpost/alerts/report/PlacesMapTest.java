package org.outpost.alerts.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.outpost.core.entity.Gazetteer;
import org.outpost.core.entity.geo.GeoPoint;
import org.outpost.core.index.TermCount;

/** The report's places map: which places it shows, and that it draws them where they are. */
class PlacesMapTest {

    private static final Gazetteer GAZETTEER = Gazetteer.defaults();

    @Test
    void showsTheMostMentionedPlacesAndRegionShapesOnTheMapMostFirst() {
        List<PlacesMap.Place> places = PlacesMap.places(
                List.of(
                        new TermCount("org:CSTO", 40),
                        new TermCount("region:Central Asia", 30),
                        new TermCount("place:Moscow", 20),
                        new TermCount("place:Khorog", 7),
                        new TermCount("place:Dushanbe", 12),
                        new TermCount("region:Batken", 5),
                        new TermCount("place:Nowhere Special", 4),
                        new TermCount("place:Vorukh", 0)),
                GAZETTEER);

        // not an org, not a wide area a dot would misplace, not Moscow (off the region's map), not an unknown place
        assertThat(places)
                .extracting(PlacesMap.Place::entity)
                .containsExactly("place:Dushanbe", "place:Khorog", "region:Batken");
        assertThat(places.getFirst().at()).isEqualTo(new GeoPoint(38.56, 68.77));
        assertThat(places.getFirst().count()).isEqualTo(12);
    }

    @Test
    void keepsAtMostEightPlaces() {
        List<TermCount> many = List.of(
                        "Dushanbe",
                        "Khujand",
                        "Khorog",
                        "Kulob",
                        "Panj",
                        "Ishkashim",
                        "Isfara",
                        "Vorukh",
                        "Bokhtar",
                        "Osh")
                .stream()
                .map(name -> new TermCount("place:" + name, 10 + name.length()))
                .toList();
        assertThat(PlacesMap.places(many, GAZETTEER)).hasSize(PlacesMap.MOST);
    }

    @Test
    void drawsEachPlaceAsACircleOfTheMarkerColourWhereItIs() throws IOException {
        List<PlacesMap.Place> places = List.of(
                new PlacesMap.Place("place:Dushanbe", new GeoPoint(38.56, 68.77), 12),
                new PlacesMap.Place("place:Khorog", new GeoPoint(37.49, 71.55), 7),
                new PlacesMap.Place("region:Batken", new GeoPoint(39.8, 71.0), 2));

        byte[] png = PlacesMap.png(places, GAZETTEER, Locale.ENGLISH);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(PlacesMap.WIDTH);
        assertThat(image.getHeight()).isEqualTo(PlacesMap.HEIGHT);
        PlacesMap.Frame frame =
                PlacesMap.Frame.around(places.stream().map(PlacesMap.Place::at).toList());
        for (PlacesMap.Place place : places) {
            int x = (int) Math.floor(frame.x(place.at()));
            int y = (int) Math.floor(frame.y(place.at()));
            assertThat(x).as(place.entity()).isBetween(0, PlacesMap.WIDTH - 1);
            assertThat(y).as(place.entity()).isBetween(0, PlacesMap.HEIGHT - 1);
            assertThat(rgb(image, x, y)).as(place.entity()).isEqualTo(PlacesMap.MARKER.getRGB() & 0xffffff);
        }
        // the circles grow with the count: Dushanbe's reaches further than Batken's
        int dushanbeX = (int) frame.x(places.get(0).at());
        int dushanbeY = (int) frame.y(places.get(0).at());
        int batkenX = (int) frame.x(places.get(2).at());
        int batkenY = (int) frame.y(places.get(2).at());
        assertThat(rgb(image, dushanbeX, dushanbeY + 10)).isEqualTo(PlacesMap.MARKER.getRGB() & 0xffffff);
        assertThat(rgb(image, batkenX, batkenY + 10)).isNotEqualTo(PlacesMap.MARKER.getRGB() & 0xffffff);
        // and the rest is a light map, not marker red
        assertThat(rgb(image, 2, 2)).isNotEqualTo(PlacesMap.MARKER.getRGB() & 0xffffff);
        assertThat(brightness(rgb(image, 2, 2))).isGreaterThan(200);
    }

    @Test
    void labelsAreInTheReadersLanguage() throws IOException {
        List<PlacesMap.Place> places = PlacesMap.places(
                List.of(
                        new TermCount("place:Vorukh", 14),
                        new TermCount("region:Batken", 11),
                        new TermCount("place:Khorog", 7),
                        new TermCount("place:Dushanbe", 6),
                        new TermCount("place:Panj", 4),
                        new TermCount("region:Gorno-Badakhshan", 3),
                        new TermCount("place:Isfara", 2),
                        new TermCount("place:Kabul", 1)),
                GAZETTEER);
        byte[] russian = PlacesMap.png(places, GAZETTEER, Locale.forLanguageTag("ru"));
        byte[] english = PlacesMap.png(places, GAZETTEER, Locale.ENGLISH);
        assertThat(russian)
                .as("Ворух, ТАДЖИКИСТАН rather than Vorukh, TAJIKISTAN")
                .isNotEqualTo(english);
        // to look at: target/places-map-sample-{en,ru}.png
        java.nio.file.Files.write(java.nio.file.Path.of("target", "places-map-sample-en.png"), english);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "places-map-sample-ru.png"), russian);
    }

    @Test
    void thereIsNoMapOfNoPlaces() {
        assertThat(PlacesMap.places(List.of(new TermCount("org:CSTO", 3)), GAZETTEER))
                .isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> PlacesMap.png(List.of(), GAZETTEER, Locale.ENGLISH));
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
    }
}
