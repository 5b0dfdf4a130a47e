package org.outpost.benchmarks.reliability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outpost.benchmarks.app.OutpostApi;
import org.outpost.benchmarks.workload.CorpusGenerator;
import org.outpost.benchmarks.workload.WorkloadServer;

/**
 * The source side of a drill: generated news sites (the benchmarks' corpus, 5 % exact and 5 %
 * near copies) on loopback, and one sitemap source per site added through the app's API, which
 * starts a run of each at once. The corpus size is what "every article indexed" is checked against.
 */
final class GeneratedNewsSites implements AutoCloseable {

    private final CorpusGenerator corpus;
    private final WorkloadServer server;

    GeneratedNewsSites(int articles, int sites) {
        this.corpus = CorpusGenerator.standard(articles, Instant.now());
        this.server = new WorkloadServer(corpus, sites);
    }

    /** Articles the sites list in their sitemaps, copies included. */
    int articles() {
        return corpus.size();
    }

    /** Adds one enabled sitemap source per site; each starts its first run now. @return the source ids */
    List<Long> addSources(OutpostApi api) {
        List<Long> ids = new ArrayList<>();
        for (int k = 0; k < server.sites(); k++) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("name", "Generated site " + (k + 1));
            source.put("type", "SITEMAP");
            source.put("url", server.url(k, "/sitemap.xml"));
            source.put("schedule", "PT6H"); // no scheduled run inside a drill: only the first run and recoveries
            source.put("timezone", "UTC");
            source.put("enabled", true);
            source.put("language", "en");
            source.put("allowPrivate", true);
            ids.add(api.post("/api/v1/sources", source)
                    .expect(201)
                    .body()
                    .path("id")
                    .asLong());
        }
        return ids;
    }

    @Override
    public void close() {
        server.close();
    }
}
