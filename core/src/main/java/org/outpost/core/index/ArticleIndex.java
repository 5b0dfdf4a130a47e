package org.outpost.core.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The article index. Reads and writes go through an alias ({@value #DEFAULT_ALIAS}) so a new
 * mapping version can be built beside the old one and switched to without downtime.
 */
public final class ArticleIndex {

    public static final String DEFAULT_ALIAS = "outpost-articles";
    static final int MAPPING_VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);
    /** Whole articles are read without the search terms derived from their text. */
    private static final co.elastic.clients.elasticsearch.core.search.SourceConfig WITHOUT_DERIVED =
            co.elastic.clients.elasticsearch.core.search.SourceConfig.of(c -> c.filter(f -> f.excludes(
                    List.of(IndexedArticle.DERIVED_FIELDS))));
    private static final int MAX_ID_BYTES = 512;
    /** Lists, counts and trends show each story once: copies point at their original. */
    static final Query ORIGINALS = Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("duplicate_of")))));

    private final ElasticsearchClient client;
    private final String alias;

    public ArticleIndex(ElasticsearchClient client) {
        this(client, DEFAULT_ALIAS);
    }

    public ArticleIndex(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    public String alias() {
        return alias;
    }

    /** The concrete index behind the alias for the current mapping version. */
    public String currentIndexName() {
        return alias + "-v" + MAPPING_VERSION;
    }

    /** Creates the versioned index with its mapping and alias unless the alias already exists. */
    public void ensureExists() {
        try {
            if (client.indices().existsAlias(e -> e.name(alias)).value()) {
                addNewFields();
                return;
            }
            String index = currentIndexName();
            try (InputStream mapping = mappingResource()) {
                client.indices().create(c -> c.index(index).withJson(mapping)
                        .aliases(alias, a -> a.isWriteIndex(true)));
            }
            log.info("Created index {} behind alias {}", index, alias);
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
            mappings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("mappings");
        }
        byte[] body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(mappings);
        client.indices().putMapping(p -> p.index(alias).withJson(new java.io.ByteArrayInputStream(body)));
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
            if (article.id().isBlank() || article.id().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
                items.add(new BulkReport.Item(article.id(), 400, null,
                        "id is empty or longer than " + MAX_ID_BYTES + " bytes"));
                continue;
            }
            Article stamped = article.withIndexedAt(now);
            bulk.operations(op -> op.index(i -> i.index(alias).id(stamped.id()).document(IndexedArticle.of(stamped))));
            sent++;
        }
        if (sent == 0) {
            return new BulkReport(items);
        }
        try {
            BulkResponse response = client.bulk(bulk.build());
            for (BulkResponseItem item : response.items()) {
                items.add(new BulkReport.Item(item.id() == null ? "" : item.id(), item.status(), item.result(),
                        item.error() == null ? null : describe(item.error())));
            }
            BulkReport report = new BulkReport(items);
            if (!report.allOk()) {
                log.warn("{} of {} articles were rejected, first: {}", report.failures().size(), items.size(),
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
        List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
        while (true) {
            List<co.elastic.clients.elasticsearch._types.FieldValue> searchAfter = after;
            SearchResponse<Article> response;
            try {
                response = client.search(s -> {
                    s.index(alias).size(batchSize).seqNoPrimaryTerm(true).source(WITHOUT_DERIVED)
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                    if (searchAfter != null) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                }, Article.class);
            } catch (ElasticsearchException | IOException e) {
                throw unavailable("read articles", e);
            }
            List<Hit<Article>> hits = response.hits().hits();
            if (hits.isEmpty()) {
                return;
            }
            batch.accept(hits.stream().filter(h -> h.source() != null)
                    .map(h -> new VersionedArticle(h.source(), h.seqNo() == null ? -1 : h.seqNo(),
                            h.primaryTerm() == null ? -1 : h.primaryTerm()))
                    .toList());
            after = hits.getLast().sort();
        }
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
                i.index(alias).id(v.article().id()).document(IndexedArticle.of(v.article()));
                if (v.seqNo() >= 0 && v.primaryTerm() >= 0) {
                    i.ifSeqNo(v.seqNo()).ifPrimaryTerm(v.primaryTerm());
                }
                return i;
            }));
        }
        try {
            BulkResponse response = client.bulk(bulk.build());
            return new BulkReport(response.items().stream().map(item -> new BulkReport.Item(
                    item.id() == null ? "" : item.id(), item.status(), item.result(),
                    item.error() == null ? null : describe(item.error()))).toList());
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("rewrite " + articles.size() + " articles", e);
        }
    }

    public Optional<Article> get(String id) {
        try {
            GetResponse<Article> response = client.get(g -> g.index(alias).id(id).sourceExcludes(List.of(IndexedArticle.DERIVED_FIELDS)), Article.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("read article " + id, e);
        }
    }

    /** The articles with these ids that exist, by id (one round trip). */
    public Map<String, Article> getAll(java.util.Collection<String> ids) {
        return multiGet(ids, Article.class, List.of(), "articles");
    }

    private <T> Map<String, T> multiGet(java.util.Collection<String> ids, Class<T> type, List<String> fields, String what) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            var response = client.mget(m -> {
                m.index(alias).ids(List.copyOf(ids));
                return fields.isEmpty() ? m.sourceExcludes(List.of(IndexedArticle.DERIVED_FIELDS)) : m.sourceIncludes(fields);
            }, type);
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

    /**
     * {@link #copyCandidates(String, String, int)} for many articles in one round trip, as
     * fingerprints: the i-th list holds the candidates of the i-th article.
     */
    public List<List<ArticleFingerprint>> copyCandidates(List<Article> articles, int max) {
        if (articles.isEmpty()) {
            return List.of();
        }
        List<co.elastic.clients.elasticsearch.core.msearch.RequestItem> searches = new ArrayList<>();
        for (Article article : articles) {
            Query query = copyQuery(article.contentHash(), article.minhash());
            searches.add(co.elastic.clients.elasticsearch.core.msearch.RequestItem.of(r -> r
                    .header(h -> h.index(alias))
                    .body(b -> b.query(query).size(max)
                            .source(src -> src.filter(f -> f.includes(ArticleFingerprint.FIELDS)))
                            .sort(o -> o.field(f -> f.field("indexed_at").order(SortOrder.Asc))))));
        }
        try {
            var response = client.msearch(m -> m.searches(searches), ArticleFingerprint.class);
            List<List<ArticleFingerprint>> out = new ArrayList<>(articles.size());
            for (var item : response.responses()) {
                if (item.isFailure()) {
                    String reason = "Elasticsearch could not look up copies: " + item.failure().error().reason();
                    throw new IndexUnavailableException(reason, new IllegalStateException(reason));
                }
                out.add(item.result().hits().hits().stream().map(Hit::source).filter(java.util.Objects::nonNull).toList());
            }
            return out;
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("look up copies of " + articles.size() + " articles", e);
        }
    }

    private static Query copyQuery(String contentHash, @Nullable String minhash) {
        BoolQuery.Builder bool = new BoolQuery.Builder().minimumShouldMatch("1");
        bool.should(s -> s.term(t -> t.field("content_hash").value(contentHash)));
        List<String> bands = org.outpost.core.article.MinHash.bands(minhash);
        if (!bands.isEmpty()) {
            bool.should(s -> s.terms(t -> t.field("minhash_bands").terms(v -> v.value(
                    bands.stream().map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList()))));
        }
        return bool.build()._toQuery();
    }

    /**
     * Articles that may be copies of one with this content: the same content hash, or a MinHash
     * sharing a band (the caller checks the distance). Originals come before copies.
     */
    public List<Article> copyCandidates(String contentHash, @Nullable String minhash, int max) {
        Query query = copyQuery(contentHash, minhash);
        try {
            SearchResponse<Article> response = client.search(s -> s.index(alias).size(max)
                    .query(query)
                    .sort(o -> o.field(f -> f.field("indexed_at").order(SortOrder.Asc))), Article.class);
            return response.hits().hits().stream().map(Hit::source).filter(java.util.Objects::nonNull).toList();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("look up copies", e);
        }
    }

    /** The copies recorded of an article (same or nearly the same content under other addresses). */
    public List<Article> duplicatesOf(String id, int max) {
        try {
            SearchResponse<Article> response = client.search(s -> s.index(alias).size(max)
                    .query(q -> q.term(t -> t.field("duplicate_of").value(id)))
                    .sort(o -> o.field(f -> f.field("indexed_at").order(SortOrder.Asc))), Article.class);
            return response.hits().hits().stream().map(Hit::source).filter(java.util.Objects::nonNull).toList();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("list the copies of " + id, e);
        }
    }

    /**
     * Other stories on the same subject: Elasticsearch's {@code more_like_this} on the title and
     * body of the stored article. Originals only, so a story's copies (and the article itself)
     * are never listed as "related"; term and document frequency floors are 1 so a small corpus
     * still finds matches.
     */
    public List<Article> related(String id, int max) {
        Query query = Query.of(q -> q.bool(b -> b
                .must(m -> m.moreLikeThis(mlt -> mlt.fields(List.of(IndexedArticle.DERIVED_FIELDS))
                        .like(l -> l.document(d -> d.index(alias).id(id)))
                        // terms in at least one other article: a story's unique names would otherwise
                        // fill the query and match nothing
                        .minTermFreq(1).minDocFreq(2).maxQueryTerms(30).minimumShouldMatch("20%")))
                .filter(ORIGINALS)
                .mustNot(n -> n.ids(i -> i.values(id)))
                .mustNot(n -> n.term(t -> t.field("duplicate_of").value(id)))));
        try {
            SearchResponse<Article> response = client.search(s -> s.index(alias).size(max).query(query).source(WITHOUT_DERIVED), Article.class);
            return response.hits().hits().stream().map(Hit::source).filter(java.util.Objects::nonNull).toList();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("find articles related to " + id, e);
        }
    }

    /** Counts originals only: copies of a story are not counted twice. */
    public long countOriginals() {
        try {
            return client.count(c -> c.index(alias).query(ORIGINALS)).count();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("count articles", e);
        }
    }

    public long count() {
        try {
            return client.count(c -> c.index(alias)).count();
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
            return client.count(c -> c.index(alias).query(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field(
                    SearchAnalyzer.SEARCH_BODY)))))).count();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("count articles without search terms", e);
        }
    }

    /**
     * Article counts per time bucket and per topic label, by Elasticsearch aggregations. Empty
     * buckets inside the range are included, so a chart has no gaps.
     *
     * @param topicIds the topics to report in every bucket, in this order
     */
    public List<TrendBucket> trends(TrendQuery query, List<String> topicIds) {
        return trends(query, topicIds, ArticleQuery.Filters.NONE);
    }

    /** The same, among the articles that also pass the facet filters (a subscription's volume). */
    public List<TrendBucket> trends(TrendQuery query, List<String> topicIds, ArticleQuery.Filters filters) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        applyFilters(bool, filters);
        bool.filter(ORIGINALS);
        bool.filter(f -> f.range(r -> r.untyped(u -> u.field("dated_at")
                .gte(JsonData.of(query.from().toString())).lt(JsonData.of(query.to().toString())))));
        if (query.topic() != null) {
            bool.filter(f -> f.term(t -> t.field("topics").value(query.topic())));
        }
        if (query.text() != null) {
            bool.must(textQuery(query.text()));
        }
        Query trendQuery = bool.build()._toQuery();
        try {
            SearchResponse<Void> response = client.search(s -> s.index(alias).size(0)
                    .query(trendQuery)
                    .aggregations("over_time", a -> a
                            .dateHistogram(h -> h.field("dated_at")
                                    .calendarInterval(query.interval().calendar)
                                    .timeZone(query.zone().getId())
                                    .minDocCount(0)
                                    .extendedBounds(b -> b
                                            .min(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(
                                                    m -> m.value((double) query.from().toEpochMilli())))
                                            .max(co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath.of(
                                                    m -> m.value((double) query.to().minusMillis(1).toEpochMilli())))))
                            .aggregations("topics", t -> t.terms(x -> x.field("topics").size(Math.max(10, topicIds.size()))))),
                    Void.class);
            List<TrendBucket> buckets = new ArrayList<>();
            for (var bucket : response.aggregations().get("over_time").dateHistogram().buckets().array()) {
                Map<String, Long> perTopic = new java.util.LinkedHashMap<>();
                topicIds.forEach(id -> perTopic.put(id, 0L));
                for (var term : bucket.aggregations().get("topics").sterms().buckets().array()) {
                    String id = term.key().stringValue();
                    if (perTopic.containsKey(id)) {
                        perTopic.put(id, term.docCount());
                    }
                }
                buckets.add(new TrendBucket(Instant.ofEpochMilli(bucket.key()), bucket.docCount(), perTopic));
            }
            return buckets;
        } catch (ElasticsearchException e) {
            if (e.status() == 400 && query.text() != null) {
                throw new InvalidQueryException("Invalid query '" + query.text() + "': " + describe(e.error()), e);
            }
            throw unavailable("compute trends", e);
        } catch (IOException e) {
            throw unavailable("compute trends", e);
        }
    }

    /** The most frequent source names, most articles first. */
    public List<String> sources(int max) {
        try {
            SearchResponse<Void> response = client.search(s -> s.index(alias).size(0).query(ORIGINALS)
                    .aggregations("sources", a -> a.terms(t -> t.field("source").size(max))), Void.class);
            return response.aggregations().get("sources").sterms().buckets().array().stream()
                    .map(b -> b.key().stringValue())
                    .toList();
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("list sources", e);
        }
    }

    /** Makes everything indexed so far visible to search (tests and imports that report counts). */
    public void refresh() {
        try {
            client.indices().refresh(r -> r.index(alias));
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("refresh the article index", e);
        }
    }

    /**
     * Runs a search: by relevance when there is query text, newest first otherwise.
     *
     * @throws InvalidQueryException when the query text is not valid Lucene syntax
     */
    public ArticlePage search(ArticleQuery query) {
        org.apache.lucene.search.Query parsed = query.text() == null ? null : QueryText.parse(query.text());
        Query match = toQuery(query, parsed);
        try {
            SearchResponse<Article> response = client.search(s -> {
                s.index(alias)
                        .query(match)
                        .source(WITHOUT_DERIVED)
                        .from(query.page() * query.size())
                        .size(query.size())
                        .trackTotalHits(t -> t.enabled(true));
                if (query.text() != null && query.sort() == ArticleQuery.Sort.RELEVANCE) {
                    s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
                }
                s.sort(o -> o.field(f -> f.field("dated_at").order(SortOrder.Desc).missing("_last")));
                s.sort(o -> o.field(f -> f.field("indexed_at").order(SortOrder.Desc)));
                return s;
            }, Article.class);
            List<ArticleHit> items = response.hits().hits().stream().map(h -> toHit(h, parsed)).toList();
            long total = response.hits().total() == null ? items.size() : response.hits().total().value();
            return new ArticlePage(total, items);
        } catch (ElasticsearchException e) {
            throw queryFailure(query, "search articles", e);
        } catch (IOException e) {
            throw unavailable("search articles", e);
        }
    }

    /** A 400 on a query with text is the reader's syntax, with the parser's reason; anything else an outage. */
    private RuntimeException queryFailure(ArticleQuery query, String action, ElasticsearchException e) {
        if (e.status() == 400 && query.text() != null) {
            return new InvalidQueryException("Invalid query '" + query.text() + "': " + explainInvalid(query, e), e);
        }
        return unavailable(action, e);
    }

    /** The search error names only the failed phase; the validate API says where the syntax broke. */
    private String explainInvalid(ArticleQuery query, ElasticsearchException e) {
        try {
            String error = validationError(toQuery(query));
            return error != null ? error : describe(e.error());
        } catch (ElasticsearchException | IOException ignored) {
            return describe(e.error());
        }
    }

    /** Elasticsearch's own parse of the query: null when valid, else the parser's reason. */
    private @Nullable String validationError(Query query) throws IOException {
        var validation = client.indices().validateQuery(v -> v.index(alias).query(query).explain(true));
        if (validation.valid()) {
            return null;
        }
        return validation.explanations().stream()
                .map(x -> x.error())
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .map(ArticleIndex::withoutExceptionClass)
                .orElse("not valid Lucene syntax");
    }

    private static String withoutExceptionClass(String message) {
        // "[index/uuid] org.elasticsearch...QueryShardException: Failed to parse query [..]; org.apache.lucene
        // ...ParseException: Cannot parse '..': Encountered "<EOF>" at line 1, column 20.\nWas expecting one of: ..."
        String reason = message;
        int exception = reason.lastIndexOf("Exception: ");
        if (exception >= 0) {
            reason = reason.substring(exception + "Exception: ".length());
        }
        int newline = reason.indexOf('\n');
        return (newline > 0 ? reason.substring(0, newline) : reason).strip();
    }

    /** @throws InvalidQueryException when the text is not valid query syntax, before anything is sent */
    private static Query textQuery(String text) {
        return LuceneToElasticsearch.translate(QueryText.parse(text));
    }

    private static Query toQuery(ArticleQuery query) {
        return toQuery(query, query.text() == null ? null : QueryText.parse(query.text()));
    }

    private static Query toQuery(ArticleQuery query, org.apache.lucene.search.@Nullable Query text) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(ORIGINALS);
        if (text != null) {
            bool.must(LuceneToElasticsearch.translate(text));
        } else {
            bool.must(m -> m.matchAll(a -> a));
        }
        if (query.source() != null) {
            bool.filter(f -> f.term(t -> t.field("source").value(query.source())));
        }
        if (query.from() != null || query.to() != null) {
            bool.filter(f -> f.range(r -> r.untyped(u -> {
                u.field("dated_at");
                if (query.from() != null) {
                    u.gte(JsonData.of(query.from().toString()));
                }
                if (query.to() != null) {
                    u.lte(JsonData.of(query.to().toString()));
                }
                return u;
            })));
        }
        applyFilters(bool, query.filters());
        return bool.build()._toQuery();
    }

    private static void applyFilters(BoolQuery.Builder bool, ArticleQuery.Filters filters) {
        if (!filters.topics().isEmpty()) {
            BoolQuery.Builder anyTopic = new BoolQuery.Builder().minimumShouldMatch("1");
            filters.topics().forEach((topic, min) -> anyTopic.should(min <= 0
                    ? Query.of(q -> q.term(t -> t.field("topics").value(topic)))
                    : Query.of(q -> q.range(r -> r.untyped(u -> u.field("topic_scores." + topic).gte(JsonData.of(min)))))));
            bool.filter(anyTopic.build()._toQuery());
        }
        terms(bool, "source", filters.sources());
        terms(bool, "entities", filters.entities());
        terms(bool, "language", filters.languages());
    }

    private static void terms(BoolQuery.Builder bool, String field, List<String> values) {
        if (!values.isEmpty()) {
            bool.filter(f -> f.terms(t -> t.field(field).terms(v -> v.value(
                    values.stream().map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList()))));
        }
    }

    /**
     * Counts per value of the facet fields among the articles the query matches (its own facet
     * filters included), most frequent first.
     */
    public Facets facets(ArticleQuery query, int size) {
        try {
            SearchResponse<Void> response = client.search(s -> s.index(alias).size(0).query(toQuery(query))
                    .aggregations("topics", a -> a.terms(t -> t.field("topics").size(size)))
                    .aggregations("sources", a -> a.terms(t -> t.field("source").size(size)))
                    .aggregations("entities", a -> a.terms(t -> t.field("entities").size(size)))
                    .aggregations("languages", a -> a.terms(t -> t.field("language").size(size))), Void.class);
            return new Facets(counts(response, "topics"), counts(response, "sources"), counts(response, "entities"),
                    counts(response, "languages"));
        } catch (ElasticsearchException e) {
            throw queryFailure(query, "count facets", e);
        } catch (IOException e) {
            throw unavailable("count facets", e);
        }
    }

    private static List<TermCount> counts(SearchResponse<Void> response, String name) {
        return response.aggregations().get(name).sterms().buckets().array().stream()
                .map(b -> new TermCount(b.key().stringValue(), b.docCount())).toList();
    }

    /**
     * Visits every article the query matches, newest first, in batches (search_after), so an
     * export of any size holds one batch in memory at a time.
     */
    public void forEachMatch(ArticleQuery query, int batchSize, java.util.function.Consumer<List<Article>> batch) {
        Query match = toQuery(query);
        List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
        while (true) {
            List<co.elastic.clients.elasticsearch._types.FieldValue> searchAfter = after;
            SearchResponse<Article> response;
            try {
                response = client.search(s -> {
                    s.index(alias).size(batchSize).query(match).source(WITHOUT_DERIVED)
                            .sort(o -> o.field(f -> f.field("dated_at").order(SortOrder.Desc).missing("_last")))
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                    if (searchAfter != null) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                }, Article.class);
            } catch (ElasticsearchException e) {
                if (e.status() == 400 && query.text() != null) {
                    throw new InvalidQueryException("Invalid query '" + query.text() + "': " + describe(e.error()), e);
                }
                throw unavailable("export articles", e);
            } catch (IOException e) {
                throw unavailable("export articles", e);
            }
            List<Hit<Article>> hits = response.hits().hits();
            if (hits.isEmpty()) {
                return;
            }
            batch.accept(hits.stream().map(Hit::source).filter(java.util.Objects::nonNull).toList());
            if (hits.size() < batchSize) {
                return;
            }
            after = hits.getLast().sort();
        }
    }

    private static ArticleHit toHit(Hit<Article> hit, org.apache.lucene.search.@Nullable Query query) {
        Article article = hit.source();
        if (article == null) {
            throw new IllegalStateException("Article " + hit.id() + " came back without its source");
        }
        return Snippets.hit(article, query);
    }

    /** The most specific reason in an Elasticsearch error, which is what a person can act on. */
    static String describe(ErrorCause error) {
        ErrorCause deepest = error;
        while (deepest.causedBy() != null) {
            deepest = deepest.causedBy();
        }
        if (deepest == error && !error.rootCause().isEmpty()) {
            deepest = error.rootCause().getFirst();
            while (deepest.causedBy() != null) {
                deepest = deepest.causedBy();
            }
        }
        String reason = deepest.reason() != null ? deepest.reason() : error.reason();
        return reason != null ? reason : deepest.type();
    }

    private static IndexUnavailableException unavailable(String action, Exception e) {
        String reason = e instanceof ElasticsearchException ee ? describe(ee.error()) : e.toString();
        return new IndexUnavailableException("Could not " + action + ": " + reason, e);
    }
}
