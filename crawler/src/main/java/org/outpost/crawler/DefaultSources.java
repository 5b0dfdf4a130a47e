package org.outpost.crawler;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.crawler.source.SourceDefinition;

/** The list of regional sources Outpost ships ({@code default-sources.yml}), all disabled. */
final class DefaultSources {

    record Entry(String name, String type, String url, @Nullable String schedule, @Nullable String timezone,
            @Nullable String language, @Nullable String includePattern, @Nullable String excludePattern) {

        SourceDefinition definition() {
            return new SourceDefinition(name, type, url, schedule, timezone, false, language, includePattern,
                    excludePattern, false);
        }
    }

    record File(List<Entry> sources) {
    }

    private DefaultSources() {
    }

    static List<SourceDefinition> load() {
        try (InputStream in = DefaultSources.class.getResourceAsStream("default-sources.yml")) {
            if (in == null) {
                throw new IllegalStateException("default-sources.yml is missing from the crawler jar");
            }
            File file = new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, File.class);
            return file.sources().stream().map(Entry::definition).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the default source list", e);
        }
    }
}
