package org.outpost.dashboard.map;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The map's shapes for the signed-in browser, from the app itself (deployments are often offline: no tile
 * server). The address carries the content's version, so the answer is kept for a year; gzipped when the browser
 * takes it (every browser does), with an ETag for a revalidation.
 */
@RestController
class MapShapesController {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    @GetMapping("/map/shapes/{version}.geojson")
    ResponseEntity<byte[]> shapes(
            @PathVariable String version,
            @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, defaultValue = "") String encodings,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, defaultValue = "") String ifNoneMatch) {
        MapShapes shapes = MapShapes.shipped();
        if (!version.equals(shapes.version())) {
            // an old page asking for shapes this version no longer has: it gets a fresh page's address on reload
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        String etag = "\"" + shapes.version() + "\"";
        CacheControl cache =
                CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();
        if (ifNoneMatch.contains(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(cache)
                    .build();
        }
        boolean gzip = encodings.contains("gzip");
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(cache)
                .contentType(GEO_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .headers(h -> {
                    if (gzip) {
                        h.set(HttpHeaders.CONTENT_ENCODING, "gzip");
                    }
                })
                .body(gzip ? shapes.gzip() : shapes.json());
    }
}
