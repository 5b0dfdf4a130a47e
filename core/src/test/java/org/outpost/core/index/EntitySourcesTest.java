package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

class EntitySourcesTest {

    private static final Instant NOW = Instant.parse("2026-03-03T12:00:00Z");
    private ArticleIndex index;
    private ArticleStats stats;

    @BeforeEach
    void createIndex() {
        String alias = "names-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        index = new ArticleIndex(TestElasticsearch.connection().client(), alias);
        index.ensureExists();
        stats = new ArticleStats(TestElasticsearch.connection().client(), alias);
    }

    @Test
    void entitiesOfTheChosenTypesInEnoughDistinctSourcesWithTheirFirstDate() {
        index.index(List.of(
                article("a1", "Agency A", NOW.minus(Duration.ofHours(5)), "person:Ivan Petrov", "country:Tajikistan"),
                article("a2", "Agency A", NOW.minus(Duration.ofHours(4)), "person:Ivan Petrov"),
                article("b1", "Agency B", NOW.minus(Duration.ofHours(3)), "person:Ivan Petrov", "org:CSTO"),
                article("c1", "Agency C", NOW.minus(Duration.ofHours(2)), "org:CSTO"),
                article("a3", "Agency A", NOW.minus(Duration.ofHours(1)), "group:Jamaat Ansarullah"),
                // before the period: not counted
                article("z1", "Agency Z", NOW.minus(Duration.ofDays(3)), "group:Jamaat Ansarullah")));
        index.refresh();

        Instant from = NOW.minus(Duration.ofDays(1));
        List<TermCount> found = stats.entitiesInSources(
                from, NOW, null, ArticleQuery.Filters.NONE, List.of("person", "org", "group"), 2);

        assertThat(found)
                .containsExactlyInAnyOrder(new TermCount("person:Ivan Petrov", 2), new TermCount("org:CSTO", 2));
        assertThat(stats.entitiesInSources(from, NOW, null, ArticleQuery.Filters.NONE, List.of("person"), 2))
                .as("only the chosen types, though the articles name others")
                .containsExactly(new TermCount("person:Ivan Petrov", 2));
        assertThat(stats.entitiesInSources(
                        from,
                        NOW,
                        null,
                        new ArticleQuery.Filters(Map.of(), List.of("Agency A"), List.of(), List.of()),
                        List.of("person"),
                        1))
                .as("among the articles of the subscription's filters")
                .containsExactly(new TermCount("person:Ivan Petrov", 1));

        List<EntitySources> described = stats.entitySources(
                List.of("person:Ivan Petrov", "person:Nobody"), from, NOW, null, ArticleQuery.Filters.NONE);
        assertThat(described).hasSize(1);
        EntitySources petrov = described.getFirst();
        assertThat(petrov.entity()).isEqualTo("person:Ivan Petrov");
        assertThat(petrov.articles()).isEqualTo(3);
        assertThat(petrov.sources()).isEqualTo(2);
        assertThat(petrov.sourceNames()).containsExactlyInAnyOrder("Agency A", "Agency B");
        assertThat(petrov.first()).isEqualTo(NOW.minus(Duration.ofHours(5)));
    }

    @Test
    void pagesThroughMoreEntitiesThanOnePageOfTheAggregation() {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 2_400; i++) {
            String name = String.format(Locale.ROOT, "place:Village %04d", i);
            articles.add(article("x" + i, "Agency A", NOW.minusSeconds(60L * (i % 600) + 1), name));
            articles.add(article("y" + i, "Agency B", NOW.minusSeconds(60L * (i % 600) + 1), name));
        }
        index.index(articles);
        index.refresh();

        List<TermCount> found = stats.entitiesInSources(
                NOW.minus(Duration.ofDays(1)), NOW, null, ArticleQuery.Filters.NONE, List.of("place"), 2);

        assertThat(found).hasSize(2_400).allMatch(e -> e.count() == 2);
    }

    @Test
    void tellsWhichEntitiesWereNamedInAPeriodAndHowFarBackTheIndexGoes() {
        assertThat(stats.oldest()).isEmpty();
        index.index(List.of(
                article("o1", "Agency A", NOW.minus(Duration.ofDays(40)), "org:CSTO"),
                article("o2", "Agency A", NOW.minus(Duration.ofDays(2)), "person:Ivan Petrov")));
        index.refresh();

        assertThat(stats.named(
                        List.of("org:CSTO", "person:Ivan Petrov", "person:Nobody"),
                        NOW.minus(Duration.ofDays(90)),
                        NOW.minus(Duration.ofDays(7))))
                .containsExactly("org:CSTO");
        assertThat(stats.oldest()).contains(NOW.minus(Duration.ofDays(40)));
    }

    private static Article article(String id, String source, Instant published, String... entities) {
        return Article.builder(source, "Story " + id, "Body of " + id)
                .url("https://" + id + ".example/")
                .publishedAt(published)
                .language("en")
                .build()
                .withClassification(Map.of(), List.of(), List.of(entities));
    }
}
