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

/**
 * The list of regional sources Outpost ships ({@code default-sources.yml}), all disabled. Each entry says in which
 * version of the list it arrived ({@code since}, 1 when absent), so an existing database receives the sources added
 * later without getting back the ones an admin deleted.
 */
final class DefaultSources {

    record Entry(
            String name,
            String type,
            String url,
            @Nullable String schedule,
            @Nullable String timezone,
            @Nullable String language,
            @Nullable String includePattern,
            @Nullable String excludePattern,
            @Nullable Integer since) {

        int version() {
            return since == null ? 1 : since;
        }

        SourceDefinition definition() {
            return new SourceDefinition(
                    name, type, url, schedule, timezone, false, language, includePattern, excludePattern, false);
        }
    }

    record File(List<Entry> sources) {}

    private DefaultSources() {}

    static List<SourceDefinition> load() {
        return entries().stream().map(Entry::definition).toList();
    }

    /** The entries that arrived in this version of the list. */
    static List<SourceDefinition> since(int version) {
        return entries().stream()
                .filter(e -> e.version() == version)
                .map(Entry::definition)
                .toList();
    }

    static int latestVersion() {
        return entries().stream().mapToInt(Entry::version).max().orElse(1);
    }

    private static List<Entry> entries() {
        try (InputStream in = DefaultSources.class.getResourceAsStream("default-sources.yml")) {
            if (in == null) {
                throw new IllegalStateException("default-sources.yml is missing from the crawler jar");
            }
            File file = new ObjectMapper(new YAMLFactory())
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, File.class);
            return file.sources();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the default source list", e);
        }
    }
}
