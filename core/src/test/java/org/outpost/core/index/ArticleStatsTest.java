package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;

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
            articles.add(article("https://a.example/" + i, i < 4 ? "Agency A" : "Agency B", DAY.plusSeconds(3600L * i),
                    i < 5 ? List.of("drug_trafficking") : List.of("terrorism"),
                    i < 3 ? List.of("country:Tajikistan", "org:CSTO") : List.of("country:Kyrgyzstan")));
        }
        articles.add(article("https://old.example/1", "Agency A", DAY.minusSeconds(86_400 * 10), List.of("terrorism"),
                List.of("org:CSTO")));
        Article copy = article("https://c.example/1", "Agency C", DAY.plusSeconds(7200), List.of("drug_trafficking"),
                List.of("country:Tajikistan")).withDuplicateOf(articles.getFirst().id());
        articles.add(copy);
        index.index(articles);
        index.refresh();

        Instant to = DAY.plusSeconds(86_400);
        Map<String, Long> counts = stats.topicCounts(DAY, to);
        assertThat(counts).containsEntry("", 6L).containsEntry("drug_trafficking", 5L).containsEntry("terrorism", 1L);
        assertThat(stats.top("entities", DAY, to, null, 5)).first().isEqualTo(new TermCount("country:Kyrgyzstan", 3));
        assertThat(stats.top("entities", DAY, to, "terrorism", 5)).containsExactly(new TermCount("country:Kyrgyzstan", 1));
        assertThat(stats.top("source", DAY, to, null, 5)).containsExactly(new TermCount("Agency A", 4), new TermCount("Agency B", 2));
    }

    @Test
    void emergingTermsAreWordsUnusuallyFrequentInTheTopic() {
        List<Article> articles = new ArrayList<>();
        String[] places = {"Khorog", "Osh", "Termez", "Batken", "Kulob", "Nukus", "Karakol", "Panj", "Khujand", "Naryn"};
        String[] verbs = {"seized", "found", "intercepted", "confiscated", "discovered", "uncovered"};
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 12; i++) {
            boolean topical = i < 6;
            // varied sentences: the duplicate-text filter drops repeated runs of words, as boilerplate
            String place = places[random.nextInt(places.length)];
            String verb = verbs[random.nextInt(verbs.length)];
            String body = topical
                    ? "In " + place + " " + List.of("customs", "guards", "detectives", "rangers", "troops", "agents").get(i)
                            + " " + verb + " methamphetamine " + List.of("pills", "powder", "tablets", "crystals", "bags",
                            "parcels").get(i) + " worth " + (i + 3) + " million, police said."
                    : "Police in " + place + " said delegations " + verb + " " + (i + 2) + " kilograms of documents on"
                            + " irrigation in a " + (i % 2 == 0 ? "hall" : "tent") + ", officials in "
                            + places[(i + 5) % places.length] + " said.";
            articles.add(new Article("e" + i, "Story " + i, body, null, null, "Agency", null, DAY.plusSeconds(i * 60L), null,
                    null, "en", Map.of(), topical ? List.of("drug_trafficking") : List.of("international_cooperation"),
                    List.of(), null, null, null));
        }
        index.index(articles);
        index.refresh();

        List<TermCount> terms = stats.emergingTerms(DAY, DAY.plusSeconds(86_400), "drug_trafficking", 5);

        assertThat(terms).extracting(TermCount::term).contains("methamphetamine").doesNotContain("week", "number");
    }

    private static Article article(String url, String source, Instant published, List<String> topics, List<String> entities) {
        Article plain = Article.builder(source, "T " + url, "Body of " + url).url(url).publishedAt(published).build();
        return new Article(plain.id(), plain.title(), plain.body(), plain.url(), plain.canonicalUrl(), source, null,
                published, null, null, "en", Map.of(), topics, entities, plain.contentHash(), null, null);
    }
}
