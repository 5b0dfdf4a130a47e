package org.outpost.core.index;

import static org.outpost.core.index.AliasedIndex.describe;
import static org.outpost.core.index.AliasedIndex.unavailable;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outpost.core.article.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The article index's schema and writes: the versioned index and its mapping, bulk indexing,
 * rewriting every article without overwriting a newer version, reading articles by id, and the
 * counts a rewrite needs. Reads and writes go through an alias ({@value #DEFAULT_ALIAS}) so a new
 * mapping version can be built beside the old one and switched to without downtime. Readers use
 * {@link ArticleSearch}, {@link ArticleStories} and {@link ArticleStats}.
 */
public final class ArticleIndex {

    public static final String DEFAULT_ALIAS = "outpost-articles";
    static final int MAPPING_VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);
    private static final int MAX_ID_BYTES = 512;

    private final AliasedIndex index;

    public ArticleIndex(ElasticsearchClient client) {
        this(client, DEFAULT_ALIAS);
    }

    public ArticleIndex(ElasticsearchClient client, String alias) {
        this.index = new AliasedIndex(client, alias);
    }

    public String alias() {
        return index.alias();
    }

    /** The concrete index behind the alias for the current mapping version. */
    public String currentIndexName() {
        return index.alias() + "-v" + MAPPING_VERSION;
    }

    /** Creates the versioned index with its mapping and alias unless the alias already exists. */
    public void ensureExists() {
        try {
            if (index.client().indices().existsAlias(e -> e.name(index.alias())).value()) {
                addNewFields();
                return;
            }
            String versioned = currentIndexName();
            try (InputStream mapping = mappingResource()) {
                index.client()
                        .indices()
                        .create(c ->
                                c.index(versioned).withJson(mapping).aliases(index.alias(), a -> a.isWriteIndex(true)));
            }
            log.info("Created index {} behind alias {}", versioned, index.alias());
        } catch (ElasticsearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                return; // another instance created it at the same moment
            }
            throw unavailable("create the article index", e);
        } catch (IOException e) {
            throw unavailable("create the article index", e);
        }
    }

    private static InputStream mappingResource() {
        return ArticleIndex.class.getResourceAsStream("article-index-v" + MAPPING_VERSION + ".json");
    }

    /**
     * Fields added to the mapping after an index was created (dedup fields, say) are added to it
     * in place: Elasticsearch accepts new fields on a live index, and the strict mapping would
     * otherwise reject every article carrying them.
     */
    private void addNewFields() throws IOException {
        com.fasterxml.jackson.databind.JsonNode mappings;
        try (InputStream in = mappingResource()) {
            mappings = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(in)
                    .path("mappings");
        }
        byte[] body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(mappings);
        index.client()
                .indices()
                .putMapping(p -> p.index(index.alias()).withJson(new java.io.ByteArrayInputStream(body)));
    }

    /**
     * Indexes (creates or replaces) the articles in one bulk request, stamping the indexing time.
     * Each article's outcome is reported by id; one bad article does not fail the others.
     */
    public BulkReport index(List<Article> articles) {
        if (articles.isEmpty()) {
            return new BulkReport(List.of());
        }
        Instant now = Instant.now();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        List<BulkReport.Item> items = new ArrayList<>(articles.size());
        int sent = 0;
        for (Article article : articles) {
            // Elasticsearch rejects the whole request for one bad id, so such items fail here alone
            if (article.id().isBlank()
                    || article.id().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
                items.add(new BulkReport.Item(
                        article.id(), 400, null, "id is empty or longer than " + MAX_ID_BYTES + " bytes"));
                continue;
            }
            Article stamped = article.withIndexedAt(now);
            bulk.operations(
                    op -> op.index(i -> i.index(index.alias()).id(stamped.id()).document(IndexedArticle.of(stamped))));
            sent++;
        }
        if (sent == 0) {
            return new BulkReport(items);
        }
        try {
            BulkResponse response = index.client().bulk(bulk.build());
            for (BulkResponseItem item : response.items()) {
                items.add(new BulkReport.Item(
                        item.id() == null ? "" : item.id(),
                        item.status(),
                        item.result(),
                        item.error() == null ? null : describe(item.error())));
            }
            BulkReport report = new BulkReport(items);
            if (!report.allOk()) {
                log.warn(
                        "{} of {} articles were rejected, first: {}",
                        report.failures().size(),
                        items.size(),
                        report.failures().getFirst());
            }
            return report;
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("index " + articles.size() + " articles", e);
        }
    }

    /**
     * Visits every article in batches, in id order, for jobs that rewrite the whole index (such
     * as re-scoring). Each article comes with the sequence number and primary term it was read
     * at, so that {@link #replaceIfUnchanged} does not overwrite a newer version.
     */
    public void forEachBatch(int batchSize, java.util.function.Consumer<List<VersionedArticle>> batch) {
        index.forEachPage(
                batchSize,
                s -> s.seqNoPrimaryTerm(true)
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))),
                hits -> batch.accept(hits.stream()
                        .filter(h -> h.source() != null)
                        .map(h -> new VersionedArticle(
                                h.source(),
                                h.seqNo() == null ? -1 : h.seqNo(),
                                h.primaryTerm() == null ? -1 : h.primaryTerm()))
                        .toList()),
                e -> unavailable("read articles", e));
    }

    /**
     * Writes the articles as they are (their indexing time kept), each only if the stored
     * version is still the one it was read at; a newer version wins and is reported as a conflict.
     */
    public BulkReport replaceIfUnchanged(List<VersionedArticle> articles) {
        if (articles.isEmpty()) {
            return new BulkReport(List.of());
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (VersionedArticle v : articles) {
            bulk.operations(op -> op.index(i -> {
                i.index(index.alias()).id(v.article().id()).document(IndexedArticle.of(v.article()));
                if (v.seqNo() >= 0 && v.primaryTerm() >= 0) {
                    i.ifSeqNo(v.seqNo()).ifPrimaryTerm(v.primaryTerm());
                }
                return i;
            }));
        }
        try {
            BulkResponse response = index.client().bulk(bulk.build());
            return new BulkReport(response.items().stream()
                    .map(item -> new BulkReport.Item(
                            item.id() == null ? "" : item.id(),
                            item.status(),
                            item.result(),
                            item.error() == null ? null : describe(item.error())))
                    .toList());
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("rewrite " + articles.size() + " articles", e);
        }
    }

    public Optional<Article> get(String id) {
        try {
            GetResponse<Article> response = index.client()
                    .get(
                            g -> g.index(index.alias()).id(id).sourceExcludes(List.of(IndexedArticle.DERIVED_FIELDS)),
                            Article.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("read article " + id, e);
        }
    }

    /** The articles with these ids that exist, by id (one round trip). */
    public Map<String, Article> getAll(java.util.Collection<String> ids) {
        return multiGet(ids, Article.class, List.of(), "articles");
    }

    private <T> Map<String, T> multiGet(
            java.util.Collection<String> ids, Class<T> type, List<String> fields, String what) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            var response = index.client()
                    .mget(
                            m -> {
                                m.index(index.alias()).ids(List.copyOf(ids));
                                return fields.isEmpty()
                                        ? m.sourceExcludes(List.of(IndexedArticle.DERIVED_FIELDS))
                                        : m.sourceIncludes(fields);
                            },
                            type);
            Map<String, T> found = new java.util.HashMap<>();
            for (var doc : response.docs()) {
                if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                    found.put(doc.result().id(), doc.result().source());
                }
            }
            return found;
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("read " + ids.size() + " " + what, e);
        }
    }

    /** The fingerprints of the articles with these ids that exist, by id (one round trip, no text read). */
    public Map<String, ArticleFingerprint> fingerprints(java.util.Collection<String> ids) {
        return multiGet(ids, ArticleFingerprint.class, ArticleFingerprint.FIELDS, "fingerprints");
    }

    /** Every article stored, copies included: what a job rewriting the index goes through. */
    public long count() {
        try {
            return index.client().count(c -> c.index(index.alias())).count();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("count articles", e);
        }
    }

    /**
     * Articles written by a version of Outpost that did not yet store the search terms of their text: text queries
     * cannot find them until they are written again (re-scoring does).
     */
    public long countWithoutSearchTerms() {
        try {
            return index.client()
                    .count(c -> c.index(index.alias())
                            .query(q ->
                                    q.bool(b -> b.mustNot(m -> m.exists(e -> e.field(SearchAnalyzer.SEARCH_BODY))))))
                    .count();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("count articles without search terms", e);
        }
    }

    /** Makes everything indexed so far visible to search (tests and imports that report counts). */
    public void refresh() {
        try {
            index.client().indices().refresh(r -> r.index(index.alias()));
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("refresh the article index", e);
        }
    }
}
