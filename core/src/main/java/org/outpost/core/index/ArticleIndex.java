package org.outpost.core.index;

import static org.outpost.core.index.AliasedIndex.unavailable;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The article index's schema and writes. Articles live in one index per period of their date
 * ({@code <alias>-v<N>-2026.12}, created on demand from the version's index template, see {@link IndexTemplates}) and
 * are read through the alias ({@value #DEFAULT_ALIAS}) spanning every period. A write goes to the concrete index: the
 * one already holding the article ({@link IdLocations}), else the period of its date. Reads by id are {@code ids}
 * searches, as Elasticsearch refuses a get on an alias over several indices. While a newer mapping version is being
 * built ({@link MappingUpgrade}), every write also goes to it. Readers use {@link ArticleSearch},
 * {@link ArticleStories} and {@link ArticleStats}.
 */
public final class ArticleIndex {

    public static final String DEFAULT_ALIAS = "outpost-articles";
    static final int MAPPING_VERSION = MappingVersion.CURRENT.number();
    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);
    private static final int MAX_ID_BYTES = 512;
    /** How long a write trusts what it knows of the versions: another instance may switch them. */
    private static final Duration VERSIONS_CHECKED_EVERY = Duration.ofSeconds(30);
    /** Ids read per search: well under the index's result window. */
    private static final int IDS_PER_SEARCH = 1000;

    private final AliasedIndex index;
    private final MappingVersion mapping;
    private final IndexTemplates templates;
    private final IdLocations locations;
    private final PartitionedWrites writes;
    private volatile @Nullable Versions versions;
    private volatile long versionsCheckedAt;

    /**
     * Which mapping version serves the read alias, and which one is being built beside it.
     *
     * @param servingHasTemplate false for a deployment that only has the single index of earlier builds: its new
     *     articles go to that index until a mapping upgrade moves everything into periods
     */
    record Versions(int serving, @Nullable Integer target, boolean servingHasTemplate) {}

    public ArticleIndex(ElasticsearchClient client) {
        this(client, DEFAULT_ALIAS);
    }

    public ArticleIndex(ElasticsearchClient client, String alias) {
        this(client, alias, IndexSettings.DEFAULTS, MappingVersion.CURRENT);
    }

    public ArticleIndex(ElasticsearchClient client, String alias, IndexSettings settings, MappingVersion mapping) {
        this.index = new AliasedIndex(client, alias);
        this.mapping = mapping;
        this.templates = new IndexTemplates(client, settings);
        this.locations = new IdLocations(client);
        this.writes = new PartitionedWrites(client, templates, locations);
    }

    public String alias() {
        return index.alias();
    }

    /** The concrete index new articles dated now go to: {@code <alias>-v<N>-2026.12}. */
    public String currentIndexName() {
        Versions v = versions();
        IndexLayout serving = layout(v.serving());
        return v.servingHasTemplate() ? serving.indexFor(Instant.now()) : serving.legacyIndex();
    }

    /**
     * Puts the index template of the bundled mapping version and makes sure the read alias exists (with the current
     * period's index behind it). When the alias serves an older version, the bundled one's template is put without
     * the read alias: the indices fill through the writes and the upgrade's copy, and join the alias at the switch.
     */
    public void ensureExists() {
        try {
            Versions v = readVersions();
            IndexLayout serving = layout(v.serving());
            if (v.target() != null) {
                templates.put(layout(v.target()), mapping, false);
                log.info(
                        "Alias {} serves mapping version {}: building version {} beside it",
                        alias(),
                        v.serving(),
                        v.target());
            } else if (v.serving() == mapping.number()) {
                templates.put(serving, mapping, true);
                if (aliasExists()) {
                    addNewFields();
                    templates.applyDynamicSettings(alias());
                }
                v = new Versions(v.serving(), null, true);
            } else {
                log.warn(
                        "Alias {} serves mapping version {}, newer than this build's {}: left as it is",
                        alias(),
                        v.serving(),
                        mapping.number());
            }
            if (v.servingHasTemplate()) {
                templates.ensureIndex(serving.indexFor(Instant.now()));
            }
            setVersions(v);
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("create the article index", e);
        }
    }

    /**
     * Fields added to the mapping after an index was created (dedup fields, say) are added to it
     * in place: Elasticsearch accepts new fields on a live index, and the strict mapping would
     * otherwise reject every article carrying them.
     */
    private void addNewFields() throws IOException {
        byte[] body = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsBytes(mapping.json().path("mappings"));
        index.client().indices().putMapping(p -> p.index(alias()).withJson(new ByteArrayInputStream(body)));
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
        List<BulkReport.Item> items = new ArrayList<>(articles.size());
        List<Article> valid = new ArrayList<>(articles.size());
        for (Article article : articles) {
            // Elasticsearch rejects the whole request for one bad id, so such items fail here alone
            if (article.id().isBlank()
                    || article.id().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
                items.add(new BulkReport.Item(
                        article.id(), 400, null, "id is empty or longer than " + MAX_ID_BYTES + " bytes"));
            } else {
                valid.add(article.withIndexedAt(now));
            }
        }
        if (valid.isEmpty()) {
            return new BulkReport(items);
        }
        try {
            Versions v = versions();
            IndexLayout serving = layout(v.serving());
            Map<String, String> where = locations.locate(alias(), ids(valid), serving::owns);
            List<PartitionedWrites.Write> batch = new ArrayList<>(valid.size());
            for (Article article : valid) {
                String destination = where.computeIfAbsent(
                        article.id(),
                        id -> v.servingHasTemplate()
                                ? serving.indexFor(PartitionedWrites.dated(article, now))
                                : serving.legacyIndex());
                batch.add(new PartitionedWrites.Write(article, destination, null));
            }
            List<PartitionedWrites.Result> results = writes.write(batch, true);
            copyToTarget(v, results);
            results.forEach(r -> items.add(r.item()));
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("index " + articles.size() + " articles", e);
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
    }

    /**
     * Visits every article in batches, in id order, for jobs that rewrite the whole index (such
     * as re-scoring). Each article comes with the sequence number and primary term it was read
     * at, and the index it lives in, so that {@link #replaceIfUnchanged} does not overwrite a newer version.
     */
    public void forEachBatch(int batchSize, Consumer<List<VersionedArticle>> batch) {
        forEachBatch(batchSize, null, batch);
    }

    /** As {@link #forEachBatch(int, Consumer)}, over the articles a query finds (all when null). */
    void forEachBatch(int batchSize, @Nullable Query filter, Consumer<List<VersionedArticle>> batch) {
        index.forEachPage(
                batchSize,
                s -> {
                    if (filter != null) {
                        s.query(filter);
                    }
                    s.seqNoPrimaryTerm(true)
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                },
                hits -> batch.accept(hits.stream()
                        .filter(h -> h.source() != null)
                        .map(h -> new VersionedArticle(
                                h.source(),
                                h.seqNo() == null ? -1 : h.seqNo(),
                                h.primaryTerm() == null ? -1 : h.primaryTerm(),
                                h.index()))
                        .toList()),
                e -> unavailable("read articles", e));
    }

    /**
     * Writes the articles as they are (their indexing time kept), each back to the index it was read from and only
     * if the stored version is still the one it was read at; a newer version wins and is reported as a conflict.
     */
    public BulkReport replaceIfUnchanged(List<VersionedArticle> articles) {
        if (articles.isEmpty()) {
            return new BulkReport(List.of());
        }
        try {
            Versions v = versions();
            IndexLayout serving = layout(v.serving());
            List<String> unknown = articles.stream()
                    .filter(a -> a.index() == null)
                    .map(a -> a.article().id())
                    .toList();
            Map<String, String> where =
                    unknown.isEmpty() ? Map.of() : locations.locate(alias(), unknown, serving::owns);
            List<PartitionedWrites.Write> batch = new ArrayList<>(articles.size());
            for (VersionedArticle a : articles) {
                String destination = a.index() != null
                        ? a.index()
                        : where.getOrDefault(
                                a.article().id(),
                                v.servingHasTemplate()
                                        ? serving.indexFor(PartitionedWrites.dated(a.article(), Instant.now()))
                                        : serving.legacyIndex());
                batch.add(new PartitionedWrites.Write(a.article(), destination, a.seqNo() >= 0 ? a : null));
            }
            List<PartitionedWrites.Result> results = writes.write(batch, false);
            copyToTarget(v, results);
            return new BulkReport(
                    results.stream().map(PartitionedWrites.Result::item).toList());
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("rewrite " + articles.size() + " articles", e);
        }
    }

    /** While a newer mapping version is built, what the serving version accepted is written to it too. */
    private void copyToTarget(Versions v, List<PartitionedWrites.Result> written) throws IOException {
        if (v.target() == null) {
            return;
        }
        List<VersionedArticle> accepted = written.stream()
                .filter(r -> r.item().ok() && r.seqNo() >= 0)
                .map(r -> new VersionedArticle(r.article(), r.seqNo(), -1, r.index()))
                .toList();
        copyTo(layout(v.target()), accepted);
    }

    /**
     * Writes articles of the serving version into another version's indices, each with its serving sequence number as
     * an external version: of two copies of one article racing there, the later version wins whatever their order.
     *
     * @return how many the target took (an older copy refused as a conflict is not counted)
     */
    long copyTo(IndexLayout target, List<VersionedArticle> articles) throws IOException {
        if (articles.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        Map<String, String> where = locations.locate(
                target.pattern(),
                ids(articles.stream().map(VersionedArticle::article).toList()),
                target::owns);
        List<PartitionedWrites.Write> batch = new ArrayList<>(articles.size());
        for (VersionedArticle a : articles) {
            String destination = where.computeIfAbsent(
                    a.article().id(), id -> target.indexFor(PartitionedWrites.dated(a.article(), now)));
            batch.add(PartitionedWrites.Write.copy(a.article(), destination, a.seqNo()));
        }
        List<PartitionedWrites.Result> results = writes.write(batch, false);
        long failed = results.stream()
                .filter(r -> !r.item().ok() && r.item().status() != 409)
                .count();
        if (failed > 0) {
            log.warn(
                    "{} of {} articles could not be copied to mapping version {}, first: {}",
                    failed,
                    results.size(),
                    target.version(),
                    results.stream()
                            .filter(r -> !r.item().ok())
                            .findFirst()
                            .orElseThrow()
                            .item());
        }
        return results.stream().filter(r -> r.item().ok()).count();
    }

    public Optional<Article> get(String id) {
        return Optional.ofNullable(getAll(List.of(id)).get(id));
    }

    /** The articles with these ids that exist, by id. */
    public Map<String, Article> getAll(Collection<String> ids) {
        return readByIds(ids, Article.class, List.of(), "articles");
    }

    /** The fingerprints of the articles with these ids that exist, by id (no text read). */
    public Map<String, ArticleFingerprint> fingerprints(Collection<String> ids) {
        return readByIds(ids, ArticleFingerprint.class, ArticleFingerprint.FIELDS, "fingerprints");
    }

    /**
     * An {@code ids} search over the alias; an id this instance wrote since the last refresh is read by a real-time
     * get from the index it went to, as a get on the alias did when it had one index.
     */
    private <T> Map<String, T> readByIds(Collection<String> ids, Class<T> type, List<String> fields, String what) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<String> distinct = ids.stream().distinct().toList();
        Map<String, T> found = new HashMap<>();
        try {
            for (int from = 0; from < distinct.size(); from += IDS_PER_SEARCH) {
                List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + IDS_PER_SEARCH));
                var response = index.client()
                        .search(
                                s -> s.index(alias())
                                        .size(chunk.size())
                                        .trackTotalHits(t -> t.enabled(false))
                                        .source(c -> c.filter(f -> fields.isEmpty()
                                                ? f.excludes(List.of(IndexedArticle.DERIVED_FIELDS))
                                                : f.includes(fields)))
                                        .query(q -> q.ids(i -> i.values(chunk))),
                                type);
                for (var hit : response.hits().hits()) {
                    if (hit.source() != null && hit.id() != null) {
                        found.put(hit.id(), hit.source());
                    }
                }
            }
            Map<String, String> recent = new LinkedHashMap<>();
            for (String id : distinct) {
                String where = found.containsKey(id) ? null : locations.recentlyWritten(id);
                if (where != null && layout(versions().serving()).owns(where)) {
                    recent.put(id, where);
                }
            }
            if (!recent.isEmpty()) {
                var response = index.client()
                        .mget(
                                m -> {
                                    recent.forEach((id, where) ->
                                            m.docs(d -> d.index(where).id(id)));
                                    return fields.isEmpty()
                                            ? m.sourceExcludes(List.of(IndexedArticle.DERIVED_FIELDS))
                                            : m.sourceIncludes(fields);
                                },
                                type);
                for (var doc : response.docs()) {
                    if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                        found.put(doc.result().id(), doc.result().source());
                    }
                }
            }
            return found;
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("read " + ids.size() + " " + what, e);
        }
    }

    /** Every article stored, copies included: what a job rewriting the index goes through. */
    public long count() {
        try {
            return index.client().count(c -> c.index(alias())).count();
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
                    .count(c -> c.index(alias())
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
            index.client().indices().refresh(r -> r.index(alias()));
            Integer target = versions().target();
            if (target != null) {
                index.client()
                        .indices()
                        .refresh(r -> r.index(layout(target).pattern()).allowNoIndices(true));
            }
        } catch (ElasticsearchException | IOException e) {
            throw unavailable("refresh the article index", e);
        }
    }

    // --- versions, for the upgrade and retention ---

    ElasticsearchClient client() {
        return index.client();
    }

    MappingVersion mapping() {
        return mapping;
    }

    IndexTemplates templates() {
        return templates;
    }

    IdLocations locations() {
        return locations;
    }

    IndexLayout layout(int version) {
        return new IndexLayout(alias(), version, templates.settings().partition());
    }

    /** What this instance knows of the versions, checked again when older than half a minute. */
    Versions versions() {
        Versions known = versions;
        if (known == null || System.nanoTime() - versionsCheckedAt > VERSIONS_CHECKED_EVERY.toNanos()) {
            try {
                known = readVersions();
            } catch (ElasticsearchException | IOException e) {
                if (known == null) {
                    throw unavailable("read the article index's versions", e);
                }
                return known; // a write keeps going on what it knew
            }
            setVersions(known);
        }
        return known;
    }

    void setVersions(Versions known) {
        versions = known;
        versionsCheckedAt = System.nanoTime();
    }

    /** The serving version is the one of the indices behind the read alias; none yet means the bundled one. */
    Versions readVersions() throws IOException {
        int serving = indicesBehindAlias().stream()
                .map(name -> IndexLayout.versionOf(alias(), name))
                .filter(java.util.OptionalInt::isPresent)
                .mapToInt(java.util.OptionalInt::getAsInt)
                .max()
                .orElse(mapping.number());
        Integer target = serving < mapping.number() ? mapping.number() : null;
        boolean hasTemplate = templates.exists(layout(serving));
        return new Versions(serving, target, hasTemplate || serving == mapping.number());
    }

    /** The concrete indices the read alias spans. */
    List<String> indicesBehindAlias() throws IOException {
        if (!aliasExists()) {
            return List.of();
        }
        return List.copyOf(
                index.client().indices().getAlias(a -> a.name(alias())).result().keySet());
    }

    private boolean aliasExists() throws IOException {
        return index.client().indices().existsAlias(e -> e.name(alias())).value();
    }

    private static List<String> ids(List<Article> articles) {
        return articles.stream().map(Article::id).toList();
    }
}
