package org.outpost.dashboard.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.article.ArticleIndexed;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.core.index.ArticleStats;
import org.outpost.core.index.TermCount;
import org.outpost.core.index.TrendInterval;
import org.outpost.core.index.TrendQuery;

/**
 * The dashboard's aggregation caches against the test run's Elasticsearch node, each test on its own index: what
 * is counted once, what an ingest makes counted again, and that no two different questions share an answer.
 * Whether an answer came from the cache is read from the meters the benchmark reads, and from what the index
 * holds at the time: an answer that lacks an article indexed after it was counted was kept.
 */
class CachedAggregationsTest {

    private static final Instant NOW = Instant.now();
    /** A week ending at the next full hour, as the dashboard's presets are. */
    private static final Instant TO = NOW.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));

    private static final Instant FROM = TO.minus(Duration.ofDays(7));

    private ArticleIndex index;
    private ArticleStats stats;
    private ArticleSearch search;
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private IngestNotices notices;
    private CachedAggregations cached;

    @BeforeEach
    void createIndex() {
        String alias = "cache-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        var client = TestElasticsearch.connection().client();
        index = new ArticleIndex(client, alias);
        index.ensureExists();
        stats = new ArticleStats(client, alias);
        search = new ArticleSearch(client, alias);
        // announced articles are searchable at once here (the test refreshes), and answers that may lack them
        // are counted again at the next request
        cached = caches(new CacheProperties(
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ZERO, Duration.ZERO, 100));
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            articles.add(article(
                    "Agency " + (i < 4 ? "A" : "B"),
                    NOW.minus(Duration.ofHours(2 + i)),
                    i < 5 ? "drug_trafficking" : "terrorism",
                    i < 3 ? "place:Osh" : "place:Khorog",
                    "Heroin seized at the border crossing near the river port, officers said " + i));
        }
        index.index(articles);
        index.refresh();
    }

    private CachedAggregations caches(CacheProperties properties) {
        notices = new IngestNotices(properties);
        return new CachedAggregations(stats, search, properties, notices, meters);
    }

    @Test
    void aSecondIdenticalRequest_isAnsweredFromTheCacheWithoutCountingAgain() {
        List<TermCount> first = cached.top("source", FROM, TO, null, 10);
        index.index(List.of(article("Agency Late", NOW.minus(Duration.ofHours(1)), "terrorism", "place:Osh", "x")));
        index.refresh();

        List<TermCount> second = cached.top("source", FROM, TO, null, 10);

        assertThat(second).isEqualTo(first).extracting(TermCount::term).doesNotContain("Agency Late");
        assertThat(stats.top("source", FROM, TO, null, 10))
                .extracting(TermCount::term)
                .contains("Agency Late"); // the index has it: the second answer was the kept one
        assertThat(gets("tops", "miss")).isEqualTo(1);
        assertThat(gets("tops", "hit")).isEqualTo(1);
    }

    @Test
    void everyKind_countsOnceForTwoIdenticalRequests() {
        TrendQuery trend = new TrendQuery(FROM, TO, TrendInterval.DAY, null, null, ZoneId.of("UTC"));
        ArticleQuery query = new ArticleQuery("heroin", null, FROM, TO, 0, 25);
        for (int i = 0; i < 2; i++) {
            assertThat(cached.sources(50)).containsExactly("Agency A", "Agency B");
            assertThat(cached.trends(trend, List.of("drug_trafficking", "terrorism")))
                    .isNotEmpty();
            assertThat(cached.topicCounts(FROM, TO)).containsEntry("", 6L).containsEntry("drug_trafficking", 5L);
            assertThat(cached.emergingTerms(FROM, TO, "drug_trafficking", 10)).isNotNull();
            assertThat(cached.facets(query, 15).sources()).hasSize(2);
            assertThat(cached.spikeArticles(query)).hasSize(6);
        }
        // another page or order of the same search counts the same facets
        cached.facets(
                new ArticleQuery("heroin", null, FROM, TO, 3, 25, ArticleQuery.Filters.NONE, ArticleQuery.Sort.NEWEST),
                15);

        for (String kind : List.of("sources", "trends", "topic-counts", "emerging-terms", "spike-articles")) {
            assertThat(gets(kind, "miss")).as(kind).isEqualTo(1);
            assertThat(gets(kind, "hit")).as(kind).isEqualTo(1);
        }
        assertThat(gets("facets", "miss")).isEqualTo(1);
        assertThat(gets("facets", "hit")).isEqualTo(2);
    }

    @Test
    void anIngestInTheCachedPeriod_makesTheNextRequestSeeTheNewArticle() {
        assertThat(cached.sources(50)).doesNotContain("Agency New");
        assertThat(cached.topicCounts(FROM, TO)).containsEntry("terrorism", 1L);
        Article arrived = article("Agency New", NOW.minus(Duration.ofMinutes(5)), "terrorism", "place:Osh", "new");
        index.index(List.of(arrived));
        index.refresh();

        notices.on(new ArticleIndexed(arrived, ArticleIndexed.Change.NEW));

        assertThat(cached.sources(50)).contains("Agency New");
        assertThat(cached.topicCounts(FROM, TO)).containsEntry("terrorism", 2L);
        assertThat(gets("sources", "miss")).isEqualTo(2);
        assertThat(gets("topic-counts", "miss")).isEqualTo(2);
    }

    @Test
    void anIngest_leavesAnswersForPeriodsThatEndedAlone() {
        Instant lastWeekEnd = FROM;
        List<TermCount> before = cached.top("source", lastWeekEnd.minus(Duration.ofDays(7)), lastWeekEnd, null, 10);

        notices.on(new ArticleIndexed(
                article("Agency New", NOW.minus(Duration.ofMinutes(5)), "terrorism", "place:Osh", "new"),
                ArticleIndexed.Change.NEW));
        cached.top("source", lastWeekEnd.minus(Duration.ofDays(7)), lastWeekEnd, null, 10);

        assertThat(before).isEmpty();
        assertThat(gets("tops", "hit")).isEqualTo(1);
    }

    @Test
    void underSteadyIngest_anAnswerIsCountedAgainAtMostOncePerAfterIngest() {
        cached = caches(new CacheProperties(
                Duration.ofHours(1),
                Duration.ofHours(1),
                Duration.ofHours(1),
                Duration.ofHours(1),
                Duration.ZERO,
                100));
        cached.sources(50);

        notices.articlesArrived();
        cached.sources(50);

        // younger than after-ingest (an hour here): still handed out, not counted per article
        assertThat(gets("sources", "hit")).isEqualTo(1);
        assertThat(gets("sources", "miss")).isEqualTo(1);
    }

    @Test
    void anUnchangedRecrawl_announcesNothing() {
        cached.sources(50);

        notices.on(new ArticleIndexed(
                article("Agency A", NOW.minus(Duration.ofHours(2)), "terrorism", "place:Osh", "0"),
                ArticleIndexed.Change.UNCHANGED));
        cached.sources(50);

        assertThat(gets("sources", "hit")).isEqualTo(1);
    }

    @Test
    void differentPeriodsFiltersAndZones_doNotShareAnswers() {
        List<TermCount> week = cached.top("source", FROM, TO, null, 10);
        List<TermCount> lastHours = cached.top("source", NOW.minus(Duration.ofMinutes(210)), TO, null, 10);
        List<TermCount> terrorism = cached.top("source", FROM, TO, "terrorism", 10);
        List<TermCount> entities = cached.top("entities", FROM, TO, null, 10);

        assertThat(week).containsExactly(new TermCount("Agency A", 4), new TermCount("Agency B", 2));
        assertThat(lastHours).containsExactly(new TermCount("Agency A", 2)); // 2 and 3 hours ago
        assertThat(terrorism).containsExactly(new TermCount("Agency B", 1));
        assertThat(entities).extracting(TermCount::term).containsExactlyInAnyOrder("place:Osh", "place:Khorog");
        assertThat(gets("tops", "miss")).isEqualTo(4);

        List<String> ids = List.of("drug_trafficking");
        var utc = cached.trends(new TrendQuery(FROM, TO, TrendInterval.DAY, null, null, ZoneId.of("UTC")), ids);
        var dushanbe =
                cached.trends(new TrendQuery(FROM, TO, TrendInterval.DAY, null, null, ZoneId.of("Asia/Dushanbe")), ids);
        assertThat(utc.getFirst().time()).isNotEqualTo(dushanbe.getFirst().time());
        assertThat(gets("trends", "miss")).isEqualTo(2);
    }

    @Test
    void oneReadersFilter_neverAnswersAnotherReadersSearch() {
        // one reader narrows Explore to a source and a query of their own...
        var narrowed = new ArticleQuery(
                "heroin",
                null,
                null,
                null,
                0,
                25,
                new ArticleQuery.Filters(Map.of(), List.of("Agency B"), List.of(), List.of()),
                ArticleQuery.Sort.RELEVANCE);
        assertThat(cached.facets(narrowed, 15).sources()).containsExactly(new TermCount("Agency B", 2));

        // ...another opens it with the same words and no filter, and a third with another query text
        var open = new ArticleQuery("heroin", null, null, null, 0, 25);
        assertThat(cached.facets(open, 15).sources())
                .containsExactly(new TermCount("Agency A", 4), new TermCount("Agency B", 2));
        var other = new ArticleQuery("terrorism OR topics:terrorism", null, null, null, 0, 25);
        assertThat(cached.facets(other, 15).sources()).containsExactly(new TermCount("Agency B", 1));
        assertThat(gets("facets", "miss")).isEqualTo(3);
        assertThat(gets("facets", "hit")).isZero();
    }

    @Test
    void aFailedCount_isNotKept() {
        AggregationCache<String, String> cache =
                new AggregationCache<>("test", Duration.ofHours(1), 10, Duration.ZERO, notices, meters);
        AtomicInteger counted = new AtomicInteger();

        assertThatThrownBy(() -> cache.get("k", true, () -> {
                    counted.incrementAndGet();
                    throw new IllegalStateException("index away");
                }))
                .hasMessage("index away");
        assertThat(cache.get("k", true, () -> "answer" + counted.incrementAndGet()))
                .isEqualTo("answer2");
        assertThat(cache.get("k", true, () -> "answer" + counted.incrementAndGet()))
                .isEqualTo("answer2");
    }

    @Test
    void readersAskingWhileAnAnswerIsCounted_waitForThatCountInsteadOfStartingTheirOwn() throws Exception {
        AggregationCache<String, String> cache =
                new AggregationCache<>("test", Duration.ofHours(1), 10, Duration.ZERO, notices, meters);
        java.util.concurrent.CountDownLatch counting = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger counted = new AtomicInteger();
        Thread first = Thread.ofPlatform()
                .start(() -> cache.get("k", true, () -> {
                    counted.incrementAndGet();
                    counting.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "first's answer";
                }));
        counting.await();
        java.util.concurrent.atomic.AtomicReference<String> secondGot =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread second = Thread.ofPlatform()
                .start(() -> secondGot.set(cache.get("k", true, () -> {
                    counted.incrementAndGet();
                    return "second's own count";
                })));
        // the second reader parks on the first's count; one that counted by itself would end instead
        while (second.isAlive() && second.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        release.countDown();
        first.join();
        second.join();

        assertThat(secondGot.get()).isEqualTo("first's answer");
        assertThat(counted).hasValue(1);
    }

    @Test
    void aLifetimeOfZero_keepsNothing() {
        cached = caches(
                new CacheProperties(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 100));
        cached.sources(50);
        cached.sources(50);

        assertThat(gets("sources", "miss")).isEqualTo(2);
        assertThat(gets("sources", "hit")).isZero();
    }

    private long gets(String kind, String result) {
        var counter = meters.find("outpost.dashboard.cache.gets")
                .tag("kind", kind)
                .tag("result", result)
                .counter();
        return counter == null ? 0 : (long) counter.count();
    }

    private static Article article(String source, Instant published, String topic, String entity, String suffix) {
        String url = "https://cache-test.example/" + UUID.randomUUID();
        Article plain = Article.builder(source, "Seizure " + suffix, "Heroin seized near Osh " + suffix)
                .url(url)
                .publishedAt(published)
                .build();
        return new Article(
                plain.id(),
                plain.title(),
                plain.body(),
                plain.url(),
                plain.canonicalUrl(),
                source,
                null,
                published,
                null,
                null,
                "en",
                Map.of(),
                List.of(topic),
                List.of(entity),
                plain.contentHash(),
                null,
                null);
    }
}
