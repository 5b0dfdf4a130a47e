package org.outpost.core.index;

import static org.outpost.core.index.AliasedIndex.describe;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bulk request of articles to concrete indices: creates the periods it needs from their template, and writes an
 * article bound for a frozen period (a re-crawl, a re-score) after lifting that period's write block, which the next
 * maintenance run puts back ({@link IndexRetention}): a write is never lost to an old month being read-only.
 */
final class PartitionedWrites {

    private static final Logger log = LoggerFactory.getLogger(PartitionedWrites.class);

    /**
     * @param ifUnchanged written only if still at the sequence number it was read at, when set
     * @param externalVersion written with this external version (a copy to another mapping version), when ≥ 0
     */
    record Write(Article article, String index, @Nullable VersionedArticle ifUnchanged, long externalVersion) {
        Write(Article article, String index, @Nullable VersionedArticle ifUnchanged) {
            this(article, index, ifUnchanged, -1);
        }

        static Write copy(Article article, String index, long version) {
            return new Write(article, index, null, version);
        }

        BulkOperation operation() {
            return BulkOperation.of(op -> op.index(i -> {
                i.index(index).id(article.id()).document(IndexedArticle.of(article));
                if (ifUnchanged != null && ifUnchanged.primaryTerm() >= 0) {
                    i.ifSeqNo(ifUnchanged.seqNo()).ifPrimaryTerm(ifUnchanged.primaryTerm());
                }
                if (externalVersion >= 0) {
                    i.version(externalVersion).versionType(VersionType.ExternalGte);
                }
                return i;
            }));
        }
    }

    /** @param seqNo the sequence number the article was written at, -1 when it was not */
    record Result(Article article, String index, BulkReport.Item item, long seqNo) {}

    private final ElasticsearchClient client;
    private final IndexTemplates templates;
    private final IdLocations locations;

    PartitionedWrites(ElasticsearchClient client, IndexTemplates templates, IdLocations locations) {
        this.client = client;
        this.templates = templates;
        this.locations = locations;
    }

    /**
     * The date that places a new article in a period: when it was reported ({@code dated_at}, the stated publication
     * time, else when it was first fetched), never later than now (a wrong date in the future would create periods
     * ahead). Stable for the article's life in the index, since a rewrite goes where the article already is.
     */
    static Instant dated(Article article, Instant now) {
        Instant dated = article.datedAt();
        return dated == null || dated.isAfter(now) ? now : dated;
    }

    /** @param create whether periods missing are created (new articles), or only written to */
    List<Result> write(List<Write> batch, boolean create) throws IOException {
        Set<String> destinations = new LinkedHashSet<>();
        batch.forEach(w -> destinations.add(w.index()));
        if (create) {
            for (String destination : destinations) {
                templates.ensureIndex(destination);
            }
        }
        List<Result> results = send(batch);
        Set<String> blocked = new LinkedHashSet<>();
        for (Result r : results) {
            if (r.item().status() == 403
                    && r.item().error() != null
                    && r.item().error().contains("blocked")) {
                blocked.add(r.index());
            }
        }
        if (!blocked.isEmpty()) {
            for (String index : blocked) {
                log.info("Lifting the write block of {} for an article written again", index);
                client.indices().putSettings(p -> p.index(index).settings(s -> s.blocks(b -> b.write(false))));
            }
            List<Integer> retried = new ArrayList<>();
            List<Write> again = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (blocked.contains(results.get(i).index())
                        && results.get(i).item().status() == 403) {
                    retried.add(i);
                    again.add(batch.get(i));
                }
            }
            List<Result> second = send(again);
            List<Result> merged = new ArrayList<>(results);
            for (int i = 0; i < retried.size(); i++) {
                merged.set(retried.get(i), second.get(i));
            }
            results = merged;
        }
        for (Result r : results) {
            if (r.item().ok()) {
                locations.written(r.article().id(), r.index());
            }
        }
        return results;
    }

    private List<Result> send(List<Write> batch) throws IOException {
        if (batch.isEmpty()) {
            return List.of();
        }
        BulkResponse response = client.bulk(
                b -> b.operations(batch.stream().map(Write::operation).toList()));
        List<Result> results = new ArrayList<>(batch.size());
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < batch.size(); i++) {
            Write w = batch.get(i);
            BulkResponseItem item = items.get(i);
            results.add(new Result(
                    w.article(),
                    w.index(),
                    new BulkReport.Item(
                            item.id() == null ? "" : item.id(),
                            item.status(),
                            item.result(),
                            item.error() == null ? null : describe(item.error())),
                    item.error() == null && item.seqNo() != null ? item.seqNo() : -1));
        }
        return results;
    }
}
