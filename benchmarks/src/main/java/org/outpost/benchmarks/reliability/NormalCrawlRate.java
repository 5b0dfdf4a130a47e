package org.outpost.benchmarks.reliability;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What "the normal crawl rate" means for the soak: the sources Outpost ships
 * ({@code default-sources.yml} in the crawler jar: 12 sources, 8 RSS feeds, 1 sitemap and 3
 * listing pages, polled every 1 to 12 hours, 7 polls an hour in all) with each site publishing
 * {@link #ARTICLES_PER_SITE_HOUR} new articles an hour (the shipped sites publish from a few a
 * day to a few hundred; about 2 an hour each on average, ~550 a day together).
 */
record NormalCrawlRate(List<Source> sources) {

    static final int ARTICLES_PER_SITE_HOUR = 2;

    /** One shipped source: how it lists articles and how often it is polled. */
    record Source(String name, String type, Duration every) {

        /** The schedule at {@code factor} times the normal rate, never under the app's one-minute floor. */
        Duration every(int factor) {
            Duration faster = every.dividedBy(factor);
            return faster.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : faster;
        }
    }

    static NormalCrawlRate shipped() {
        try (InputStream in = NormalCrawlRate.class.getResourceAsStream("/org/outpost/crawler/default-sources.yml")) {
            if (in == null) {
                throw new IllegalStateException("default-sources.yml is not on the class path (crawler jar)");
            }
            JsonNode file = new ObjectMapper(new YAMLFactory())
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readTree(in);
            List<Source> sources = new ArrayList<>();
            for (JsonNode s : file.path("sources")) {
                sources.add(new Source(
                        s.path("name").asText(),
                        s.path("type").asText(),
                        Duration.parse(s.path("schedule").asText())));
            }
            return new NormalCrawlRate(List.copyOf(sources));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double pollsPerHour(int factor) {
        return sources.stream()
                .mapToDouble(s -> (double) Duration.ofHours(1).toMillis()
                        / s.every(factor).toMillis())
                .sum();
    }

    /** How often one site publishes at {@code factor} times the normal rate. */
    Duration publishingInterval(int factor) {
        return Duration.ofHours(1).dividedBy((long) ARTICLES_PER_SITE_HOUR * factor);
    }
}
