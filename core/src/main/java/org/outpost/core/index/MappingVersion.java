package org.outpost.core.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A version of the article mapping: its number, which names the indices built with it ({@code <alias>-v<number>-…}),
 * and the classpath resource holding its settings and mappings. A higher number than the one serving the read alias
 * makes the app build the new version beside the old and copy the articles over ({@link MappingUpgrade}).
 *
 * @param resource a classpath resource, relative to this package unless it starts with {@code /}
 */
public record MappingVersion(int number, String resource) {

    /** The mapping this build of Outpost writes. */
    public static final MappingVersion CURRENT = new MappingVersion(1, "article-index-v1.json");

    public MappingVersion {
        if (number < 1) {
            throw new IllegalArgumentException("mapping version must be positive: " + number);
        }
    }

    /** The resource's {@code settings} and {@code mappings}, as JSON. */
    JsonNode json() {
        try (InputStream in = MappingVersion.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("mapping resource not found: " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the mapping " + resource, e);
        }
    }
}
