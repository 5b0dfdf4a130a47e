package org.outpost.core.entity.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** Reading boundaries from GeoJSON, and point-in-polygon with holes. */
class BoundariesTest {

    /** A 10°×10° country with a 2°×2° enclave of another as a hole, and the enclave itself. */
    private static final String SQUARE_WITH_ENCLAVE = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"layer":"country","name":"Outer","country":"Outer","entity":"country:Outer"},
             "geometry":{"type":"Polygon","coordinates":[[[60,30],[70,30],[70,40],[60,40],[60,30]],
                                                          [[64,34],[66,34],[66,36],[64,36],[64,34]]]}},
            {"type":"Feature","properties":{"layer":"country","name":"Inner","country":"Inner"},
             "geometry":{"type":"MultiPolygon","coordinates":[[[[64,34],[66,34],[66,36],[64,36],[64,34]]]]}},
            {"type":"Feature","properties":{"layer":"region","name":"West","country":"Outer","entity":"region:West"},
             "geometry":{"type":"Polygon","coordinates":[[[60,30],[62,30],[62,40],[60,40],[60,30]]]}}
            ]}""";

    @Test
    void pointInPolygonHonoursHolesAndLongitudeFirst() {
        Boundaries boundaries = Boundaries.parse(SQUARE_WITH_ENCLAVE, "test");

        assertThat(boundaries.contains("Outer", new GeoPoint(32, 61))).isTrue();
        assertThat(boundaries.contains("Outer", new GeoPoint(35, 65)))
                .as("in the hole")
                .isFalse();
        assertThat(boundaries.contains("Inner", new GeoPoint(35, 65))).isTrue();
        assertThat(boundaries.contains("Outer", new GeoPoint(61, 32)))
                .as("lat and lon swapped")
                .isFalse();
        assertThat(boundaries.contains("Nowhere", new GeoPoint(32, 61))).isFalse();
        assertThat(boundaries.degreesOutside("Outer", new GeoPoint(30.05, 71)))
                .hasValueSatisfying(d -> assertThat(d).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(boundaries.degreesOutside("Outer", new GeoPoint(32, 61))).contains(0.0);
        assertThat(boundaries.degreesOutside("Nowhere", new GeoPoint(32, 61))).isEmpty();
        assertThat(boundaries.layer(BoundaryFeature.REGION))
                .singleElement()
                .satisfies(region -> assertThat(region.entity()).contains("region:West"));
        assertThat(boundaries.features().get(1).entity()).isEmpty();
        assertThat(boundaries.geoJson()).isEqualTo(SQUARE_WITH_ENCLAVE);
    }

    @Test
    void coversThePointsWithinTheShapesExtentAndNoneBeyond() {
        Boundaries boundaries = Boundaries.parse(SQUARE_WITH_ENCLAVE, "test");

        assertThat(boundaries.covers(new GeoPoint(35, 65))).isTrue();
        assertThat(boundaries.covers(new GeoPoint(30, 60))).as("on the edge").isTrue();
        assertThat(boundaries.covers(new GeoPoint(29.9, 65))).isFalse();
        assertThat(boundaries.covers(new GeoPoint(35, 70.1))).isFalse();
        assertThat(boundaries.covers(new GeoPoint(65, 35)))
                .as("lat and lon swapped")
                .isFalse();
        // the shipped ones: Central Asia and its neighbours, not Moscow or Istanbul
        assertThat(Boundaries.shipped().covers(new GeoPoint(39.85, 70.58))).isTrue(); // Vorukh
        assertThat(Boundaries.shipped().covers(new GeoPoint(55.76, 37.62))).isFalse();
        assertThat(Boundaries.shipped().covers(new GeoPoint(41.01, 28.98))).isFalse();
    }

    @Test
    void rejectsWhatIsNotSuchACollectionNamingTheFeature() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Boundaries.parse("{\"type\":\"Feature\"}", "x.geojson"))
                .withMessageContaining("x.geojson: expected a GeoJSON FeatureCollection");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Boundaries.parse("{", "x.geojson"))
                .withMessageContaining("x.geojson: not valid JSON");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        Boundaries.parse(SQUARE_WITH_ENCLAVE.replace("\"layer\":\"region\"", "\"layer\":\"x\""), "x"))
                .withMessageContaining("x: features[2]: layer 'x' is not country or region");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Boundaries.parse(SQUARE_WITH_ENCLAVE.replace("[60,30],[62,30]", "[60],[62,30]"), "x"))
                .withMessageContaining("x: features[2] (West): a position is not [lon, lat]");
    }

    @Test
    void theShippedBoundariesAreReadOnce() {
        Boundaries shipped = Boundaries.shipped();
        assertThat(shipped).isSameAs(Boundaries.shipped());
        assertThat(shipped.geoJson()).startsWith("{\"type\":\"FeatureCollection\"");
        assertThat(shipped.layer(BoundaryFeature.COUNTRY)).hasSizeGreaterThan(20);
        assertThat(shipped.layer(BoundaryFeature.REGION)).hasSizeGreaterThan(100);
    }
}
