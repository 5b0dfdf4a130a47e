package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;

class ArticleStatsTest {

    private static final Instant DAY = Instant.parse("2026-03-03T00:00:00Z");
    private ArticleIndex index;
    private ArticleStats stats;

    @BeforeEach
    void createIndex() {
        String alias = "stats-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        index = new ArticleIndex(TestElasticsearch.connection().client(), alias);
        index.ensureExists();
        stats = new ArticleStats(TestElasticsearch.connection().client(), alias);
    }

    @Test
    void countsPerTopicTopEntitiesAndSourcesInThePeriodWithCopiesCountedOnce() {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            articles.add(article(
                    "https://a.example/" + i,
                    i < 4 ? "Agency A" : "Agency B",
                    DAY.plusSeconds(3600L * i),
                    i < 5 ? List.of("drug_trafficking") : List.of("terrorism"),
                    i < 3 ? List.of("country:Tajikistan", "org:CSTO") : List.of("country:Kyrgyzstan")));
        }
        articles.add(article(
                "https://old.example/1",
                "Agency A",
                DAY.minusSeconds(86_400 * 10),
                List.of("terrorism"),
                List.of("org:CSTO")));
        Article copy = article(
                        "https://c.example/1",
                        "Agency C",
                        DAY.plusSeconds(7200),
                        List.of("drug_trafficking"),
                        List.of("country:Tajikistan"))
                .withDuplicateOf(articles.getFirst().id());
        articles.add(copy);
        index.index(articles);
        index.refresh();

        Instant to = DAY.plusSeconds(86_400);
        Map<String, Long> counts = stats.topicCounts(DAY, to);
        assertThat(counts)
                .containsEntry("", 6L)
                .containsEntry("drug_trafficking", 5L)
                .containsEntry("terrorism", 1L);
        assertThat(stats.top("entities", DAY, to, null, 5)).first().isEqualTo(new TermCount("country:Kyrgyzstan", 3));
        assertThat(stats.top("entities", DAY, to, "terrorism", 5))
                .containsExactly(new TermCount("country:Kyrgyzstan", 1));
        assertThat(stats.top("source", DAY, to, null, 5))
                .containsExactly(new TermCount("Agency A", 4), new TermCount("Agency B", 2));
    }

    @Test
    void emergingTermsAreWordsUnusuallyFrequentInTheTopic() {
        List<Article> articles = new ArrayList<>();
        String[] places = {"Khorog", "Osh", "Termez", "Batken", "Kulob", "Nukus", "Karakol", "Panj", "Khujand", "Naryn"
        };
        String[] verbs = {"seized", "found", "intercepted", "confiscated", "discovered", "uncovered"};
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 12; i++) {
            boolean topical = i < 6;
            // varied sentences: the duplicate-text filter drops repeated runs of words, as boilerplate
            String place = places[random.nextInt(places.length)];
            String verb = verbs[random.nextInt(verbs.length)];
            String body = topical
                    ? "In " + place + " "
                            + List.of("customs", "guards", "detectives", "rangers", "troops", "agents")
                                    .get(i)
                            + " " + verb + " methamphetamine "
                            + List.of("pills", "powder", "tablets", "crystals", "bags", "parcels")
                                    .get(i) + " worth " + (i + 3) + " million, police said."
                    : "Police in " + place + " said delegations " + verb + " " + (i + 2) + " kilograms of documents on"
                            + " irrigation in a " + (i % 2 == 0 ? "hall" : "tent") + ", officials in "
                            + places[(i + 5) % places.length] + " said.";
            articles.add(new Article(
                    "e" + i,
                    "Story " + i,
                    body,
                    null,
                    null,
                    "Agency",
                    null,
                    DAY.plusSeconds(i * 60L),
                    null,
                    null,
                    "en",
                    Map.of(),
                    topical ? List.of("drug_trafficking") : List.of("international_cooperation"),
                    List.of(),
                    null,
                    null,
                    null));
        }
        index.index(articles);
        index.refresh();

        List<TermCount> terms = stats.emergingTerms(DAY, DAY.plusSeconds(86_400), "drug_trafficking", 5);

        assertThat(terms)
                .extracting(TermCount::term)
                .contains("methamphetamine")
                .doesNotContain("week", "number");
    }

    @Test
    void topicFiguresAreTheFourAggregationsOfTheTopicPage() {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            articles.add(article(
                    "https://f.example/" + i,
                    i % 3 == 0 ? "Agency A" : "Agency B",
                    DAY.plusSeconds(3600L * i),
                    i < 6 ? List.of("terrorism") : List.of("human_rights"),
                    i < 2 ? List.of("country:Tajikistan") : List.of("org:CSTO")));
        }
        index.index(articles);
        index.refresh();
        Instant to = DAY.plusSeconds(86_400);
        TrendQuery query = new TrendQuery(DAY, to, TrendInterval.HOUR, "terrorism", null, java.time.ZoneOffset.UTC);

        TopicFigures figures = stats.topicFigures(query, 5, 10);

        assertThat(figures.total()).isEqualTo(6);
        assertThat(figures.trend()).isEqualTo(stats.trends(query, List.of("terrorism")));
        assertThat(figures.entities())
                .containsExactly(new TermCount("org:CSTO", 4), new TermCount("country:Tajikistan", 2));
        assertThat(figures.sources()).containsExactly(new TermCount("Agency B", 4), new TermCount("Agency A", 2));
        assertThat(figures.emergingTerms()).isEqualTo(stats.emergingTerms(DAY, to, "terrorism", 10));
        assertThatThrownBy(() -> stats.topicFigures(
                        new TrendQuery(DAY, to, TrendInterval.HOUR, null, null, java.time.ZoneOffset.UTC), 5, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trendsCountArticlesAndLabelsPerBucketIncludingEmptyOnes() {
        Instant day1 = Instant.parse("2022-10-17T10:00:00Z");
        index.index(List.of(
                labelled("https://t/1", day1, List.of("terrorism", "border_security")),
                labelled("https://t/2", day1.plusSeconds(3600), List.of("terrorism")),
                labelled("https://t/3", day1.plusSeconds(2 * 86400), List.of()),
                labelled("https://t/4", day1.plusSeconds(10 * 86400), List.of("terrorism"))));
        index.refresh();
        List<String> topics = List.of("border_security", "terrorism", "human_rights");

        List<TrendBucket> buckets = stats.trends(
                new TrendQuery(
                        Instant.parse("2022-10-17T00:00:00Z"),
                        Instant.parse("2022-10-20T00:00:00Z"),
                        TrendInterval.DAY,
                        null,
                        null,
                        java.time.ZoneOffset.UTC),
                topics);

        assertThat(buckets)
                .extracting(b -> b.time().toString())
                .containsExactly("2022-10-17T00:00:00Z", "2022-10-18T00:00:00Z", "2022-10-19T00:00:00Z");
        assertThat(buckets).extracting(TrendBucket::total).containsExactly(2L, 0L, 1L);
        assertThat(buckets.get(0).topics())
                .containsExactly(
                        java.util.Map.entry("border_security", 1L),
                        java.util.Map.entry("terrorism", 2L),
                        java.util.Map.entry("human_rights", 0L));

        List<TrendBucket> terrorismOnly = stats.trends(
                new TrendQuery(
                        Instant.parse("2022-10-17T00:00:00Z"),
                        Instant.parse("2022-10-20T00:00:00Z"),
                        TrendInterval.DAY,
                        "terrorism",
                        null,
                        java.time.ZoneOffset.UTC),
                topics);
        assertThat(terrorismOnly).extracting(TrendBucket::total).containsExactly(2L, 0L, 0L);
    }

    @Test
    void trendBucketsStartInTheGivenTimeZone() {
        index.index(List.of(labelled("https://tz/1", Instant.parse("2022-10-17T22:30:00Z"), List.of("terrorism"))));
        index.refresh();

        List<TrendBucket> dushanbe = stats.trends(
                new TrendQuery(
                        Instant.parse("2022-10-16T19:00:00Z"),
                        Instant.parse("2022-10-18T19:00:00Z"),
                        TrendInterval.DAY,
                        null,
                        null,
                        java.time.ZoneId.of("Asia/Dushanbe")),
                List.of("terrorism"));

        // 22:30 UTC is already the 18th in Dushanbe (UTC+5)
        assertThat(dushanbe)
                .filteredOn(b -> b.total() > 0)
                .singleElement()
                .satisfies(b -> assertThat(b.time()).isEqualTo(Instant.parse("2022-10-17T19:00:00Z")));
    }

    @Test
    void trendsRejectAnInvalidQueryEvenWhenNoArticleIsInRange() {
        assertThatThrownBy(() -> stats.trends(
                        new TrendQuery(
                                Instant.parse("2030-01-01T00:00:00Z"),
                                Instant.parse("2030-01-02T00:00:00Z"),
                                TrendInterval.DAY,
                                null,
                                "(unclosed",
                                java.time.ZoneOffset.UTC),
                        List.of("terrorism")))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("the query ends too early");
    }

    @Test
    void trendRangeMustBeSensible() {
        Instant now = Instant.parse("2022-10-17T00:00:00Z");
        assertThatThrownBy(() -> new TrendQuery(now, now, TrendInterval.DAY, null, null, java.time.ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before");
        assertThatThrownBy(() -> new TrendQuery(
                        now.minusSeconds(3 * 365 * 86400L),
                        now,
                        TrendInterval.HOUR,
                        null,
                        null,
                        java.time.ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wider interval");
        assertThatThrownBy(() -> TrendInterval.of("month")).hasMessageContaining("hour, day or week");
    }

    private static Article labelled(String url, Instant published, List<String> topics) {
        Article plain = Article.builder("Test", "T " + url, "Body")
                .url(url)
                .publishedAt(published)
                .build();
        return new Article(
                plain.id(),
                plain.title(),
                plain.body(),
                plain.url(),
                plain.canonicalUrl(),
                plain.source(),
                null,
                published,
                null,
                null,
                "en",
                java.util.Map.of(),
                topics,
                List.of(),
                plain.contentHash(),
                null,
                null);
    }

    private static Article article(
            String url, String source, Instant published, List<String> topics, List<String> entities) {
        Article plain = Article.builder(source, "T " + url, "Body of " + url)
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
                topics,
                entities,
                plain.contentHash(),
                null,
                null);
    }
}
