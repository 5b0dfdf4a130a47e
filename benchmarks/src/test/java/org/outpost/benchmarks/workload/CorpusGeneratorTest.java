package org.outpost.benchmarks.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.MinHash;
import org.outpost.core.classify.Classifier;

class CorpusGeneratorTest {

    private static final Instant END = Instant.parse("2026-11-25T00:00:00Z");

    @Test
    void theSameSeedAndIndexGiveTheSameArticleInAnyOrder() {
        CorpusGenerator a = CorpusGenerator.standard(5_000, END);
        CorpusGenerator b = CorpusGenerator.standard(5_000, END);
        assertThat(b.article(4_321)).isEqualTo(a.article(4_321));
        assertThat(a.range(0, 50)).isEqualTo(b.range(0, 50));
        assertThat(new CorpusGenerator(7, 5_000, END, java.time.Duration.ofDays(90), 0.05, 0.05).article(100))
                .isNotEqualTo(a.article(100));
        assertThat(a.article(0).publishedAt()).isAfter(END.minus(java.time.Duration.ofDays(91)));
        assertThat(a.article(4_999).publishedAt()).isBefore(END.plusSeconds(1));
    }

    @Test
    void aLongerSpanDatesTheSameArticlesOverIt() {
        CorpusGenerator year = CorpusGenerator.standard(5_000, END, java.time.Duration.ofDays(365));
        assertThat(year.article(0).publishedAt()).isBefore(END.minus(java.time.Duration.ofDays(364)));
        assertThat(year.article(4_999).publishedAt()).isBefore(END.plusSeconds(1));
        // article i is computed from the seed alone, whichever were generated before it
        assertThat(CorpusGenerator.standard(5_000, END, java.time.Duration.ofDays(365))
                        .article(4_321))
                .isEqualTo(year.article(4_321));
    }

    @Test
    void copiesComeAtTheKnownRateAndNearCopiesAreNearByMinHash() {
        CorpusGenerator corpus = CorpusGenerator.standard(20_000, END);
        int exact = 0;
        int near = 0;
        int nearFound = 0;
        for (GeneratedArticle article : corpus.range(0, 20_000)) {
            if (article.copyOf() < 0) {
                continue;
            }
            GeneratedArticle original = corpus.article(article.copyOf());
            assertThat(original.copyOf()).isEqualTo(-1);
            assertThat(article.source()).isNotEqualTo(original.source());
            if (article.nearCopy()) {
                near++;
                nearFound += MinHash.near(MinHash.of(original.body()), MinHash.of(article.body())) ? 1 : 0;
            } else {
                exact++;
                assertThat(article.body()).isEqualTo(original.body());
            }
        }
        assertThat(exact / 20_000.0).isBetween(0.045, 0.055);
        assertThat(near / 20_000.0).isBetween(0.045, 0.055);
        System.out.printf(
                "20,000 articles: %d exact copies, %d near copies, %d of them near by MinHash%n",
                exact, near, nearFound);
        assertThat(nearFound / (double) near)
                .as("near copies that dedup can recognise")
                .isGreaterThan(0.8);
    }

    @Test
    void topicArticlesReadAsTheirTopicToTheClassifier() {
        CorpusGenerator corpus = CorpusGenerator.standard(2_000, END);
        Classifier classifier = Classifier.defaults();
        int topical = 0;
        int agreed = 0;
        int filler = 0;
        int fillerClean = 0;
        java.util.Map<String, int[]> perTopic = new java.util.TreeMap<>();
        for (GeneratedArticle article : corpus.range(0, 2_000)) {
            List<String> labels = classifier
                    .classify(article.title(), article.body())
                    .topics()
                    .labels();
            if (article.topic() == null) {
                filler++;
                fillerClean += labels.isEmpty() ? 1 : 0;
            } else {
                topical++;
                agreed += labels.contains(article.topic()) ? 1 : 0;
                int[] counts = perTopic.computeIfAbsent(article.topic(), t -> new int[2]);
                counts[0]++;
                counts[1] += labels.contains(article.topic()) ? 1 : 0;
            }
        }
        System.out.printf(
                "classifier agrees on %d of %d topic articles; %d of %d filler articles unlabelled%n",
                agreed, topical, fillerClean, filler);
        perTopic.forEach((t, c) -> System.out.printf("  %s %d/%d%n", t, c[1], c[0]));
        assertThat(agreed / (double) topical).isGreaterThan(0.8);
        assertThat(fillerClean / (double) filler).isGreaterThan(0.8);
    }

    @Test
    void theServerServesSitemapsFeedAndPages() throws Exception {
        CorpusGenerator corpus = CorpusGenerator.standard(2_500, END);
        try (WorkloadServer server = new WorkloadServer(corpus)) {
            HttpClient http = HttpClient.newHttpClient();
            String index = get(http, server.url("/sitemap.xml"));
            assertThat(index.split("<sitemap>", -1)).hasSize(4);
            String sitemap = get(http, server.url("/sitemaps/2.xml"));
            assertThat(sitemap.split("<url>", -1)).hasSize(501);
            GeneratedArticle last = corpus.article(2_499);
            assertThat(get(http, server.url("/feed.xml"))).contains(server.url(last.path()));
            String page = get(http, server.url(last.path()));
            assertThat(page).contains("<h1>" + last.title().replace("&", "&amp;") + "</h1>");
        }
    }

    @Test
    void severalSitesShareTheCorpusBetweenThemOnTheirOwnLoopbackAddresses() throws Exception {
        CorpusGenerator corpus = CorpusGenerator.standard(10, END);
        try (WorkloadServer server = new WorkloadServer(corpus, 3)) {
            HttpClient http = HttpClient.newHttpClient();
            assertThat(server.url(2, "/")).startsWith("http://127.0.0.3:");
            String site2 = get(http, server.url(2, "/sitemaps/0.xml"));
            assertThat(site2.split("<url>", -1)).hasSize(4); // articles 2, 5, 8
            assertThat(site2)
                    .contains(corpus.article(8).path())
                    .doesNotContain(corpus.article(7).path());
            HttpResponse<String> elsewhere = http.send(
                    HttpRequest.newBuilder(
                                    URI.create(server.url(2, corpus.article(7).path())))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(elsewhere.statusCode()).isEqualTo(404);
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
