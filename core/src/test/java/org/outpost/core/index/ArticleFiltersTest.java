package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleFiltersTest {

    private static final Instant T0 = Instant.parse("2026-03-03T00:00:00Z");
    private ArticleIndex index;
    private ArticleSearch search;

    @BeforeAll
    void indexArticles() {
        index = new ArticleIndex(
                TestElasticsearch.connection().client(),
                "filters-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
        index.ensureExists();
        search = new ArticleSearch(TestElasticsearch.connection().client(), index.alias());
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double score = i / 30.0;
            articles.add(new Article(
                    "f" + i,
                    "Story " + i + (i % 3 == 0 ? " heroin" : ""),
                    "Body about the border " + i,
                    null,
                    null,
                    i % 2 == 0 ? "Agency A" : "Agency B",
                    null,
                    T0.plusSeconds(i * 60L),
                    null,
                    null,
                    i < 20 ? "en" : "ru",
                    Map.of("drug_trafficking", score),
                    score >= 0.45 ? List.of("drug_trafficking") : List.of(),
                    i % 5 == 0 ? List.of("org:CSTO") : List.of("country:Tajikistan"),
                    null,
                    null,
                    null));
        }
        index.index(articles);
        index.refresh();
    }

    @Test
    void facetFiltersCombineAndFacetsCountTheMatches() {
        ArticleQuery query = new ArticleQuery(
                null,
                null,
                null,
                null,
                0,
                50,
                new ArticleQuery.Filters(
                        Map.of("drug_trafficking", 0.8), List.of("Agency A"), List.of(), List.of("ru")),
                ArticleQuery.Sort.NEWEST);
        // scores >= 0.8 are i = 24..29; Agency A is even i; ru is i >= 20: 24, 26, 28
        assertThat(search.search(query).items())
                .extracting(h -> h.article().id())
                .containsExactly("f28", "f26", "f24");

        Facets facets = search.facets(
                new ArticleQuery(
                        null,
                        null,
                        null,
                        null,
                        0,
                        10,
                        new ArticleQuery.Filters(Map.of("drug_trafficking", 0.0), List.of(), List.of(), List.of()),
                        ArticleQuery.Sort.NEWEST),
                10);
        assertThat(facets.topics()).containsExactly(new TermCount("drug_trafficking", 16));
        assertThat(facets.languages()).containsExactlyInAnyOrder(new TermCount("ru", 10), new TermCount("en", 6));
        assertThat(facets.entities()).contains(new TermCount("org:CSTO", 3));
    }

    @Test
    void sortByRelevanceOrNewest() {
        ArticleQuery relevance = new ArticleQuery(
                "heroin OR border", null, null, null, 0, 5, ArticleQuery.Filters.NONE, ArticleQuery.Sort.RELEVANCE);
        assertThat(search.search(relevance).items().getFirst().article().title())
                .contains("heroin");
        ArticleQuery newest = new ArticleQuery(
                "heroin OR border", null, null, null, 0, 5, ArticleQuery.Filters.NONE, ArticleQuery.Sort.NEWEST);
        assertThat(search.search(newest).items().getFirst().article().id()).isEqualTo("f29");
    }

    @Test
    void everyMatchIsVisitedOnceInBatches() {
        List<List<Article>> batches = new ArrayList<>();
        search.forEachMatch(new ArticleQuery("border", null, null, null, 0, 10), 7, batches::add);
        assertThat(batches).hasSize(5);
        assertThat(batches.stream().flatMap(List::stream).map(Article::id).distinct())
                .hasSize(30);
        assertThat(batches.getFirst().getFirst().id()).isEqualTo("f29");
    }
}
