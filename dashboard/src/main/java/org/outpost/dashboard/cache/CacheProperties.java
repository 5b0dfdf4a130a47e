package org.outpost.dashboard.cache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the dashboard keeps the answers of its aggregations ({@code outpost.dashboard.cache.*}). Each app
 * instance has its own caches; a lifetime of 0 turns that kind off. Past its lifetime (up to twice it) an answer
 * is handed out while it is counted again in the background ({@link AggregationCache}).
 *
 * @param countsLifetime counts per period and filter: trends, topic counts, top entities and sources, Explore's
 *     facet counts, the articles behind a spike
 * @param sourcesLifetime the list of source names a source filter offers (over every article)
 * @param emergingTermsLifetime a topic's emerging terms ({@code significant_text}, the slowest of them)
 * @param afterIngest once new articles are announced, how long an answer that may lack them (its period includes
 *     now) is still handed out before it is counted again: under steady ingest each answer is recounted at most
 *     this often
 * @param searchableAfter how long after its announcement a new article is surely searchable (the index's refresh
 *     interval with room): an answer counted before then may lack it
 * @param maxEntries answers kept at most per kind; the least recently used go first
 */
@ConfigurationProperties("outpost.dashboard.cache")
public record CacheProperties(
        @DefaultValue("1m") Duration countsLifetime,
        @DefaultValue("5m") Duration sourcesLifetime,
        @DefaultValue("5m") Duration emergingTermsLifetime,
        @DefaultValue("5s") Duration afterIngest,
        @DefaultValue("2s") Duration searchableAfter,
        @DefaultValue("500") int maxEntries) {

    public CacheProperties {
        for (Duration d :
                new Duration[] {countsLifetime, sourcesLifetime, emergingTermsLifetime, afterIngest, searchableAfter}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("a cache duration cannot be negative: " + d);
            }
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("outpost.dashboard.cache.max-entries must be at least 1: " + maxEntries);
        }
    }
}
