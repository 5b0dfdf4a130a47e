package org.outpost.core.entity.geo;

/**
 * A point on the earth in decimal degrees (WGS84), as the gazetteer's {@code at: [lat, lon]} and GeoJSON (which writes
 * it the other way round, {@code [lon, lat]}) give it.
 *
 * @param lat latitude, -90 to 90, north positive
 * @param lon longitude, -180 to 180, east positive
 */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude " + lat + " is not between -90 and 90");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude " + lon + " is not between -180 and 180");
        }
    }

    @Override
    public String toString() {
        return "[" + lat + ", " + lon + "]";
    }
}
