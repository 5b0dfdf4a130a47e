package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;

/** Search in Russian against the real node: inflected forms match, highlights mark the words as written. */
class MultilingualSearchTest {

    private static ArticleIndex index;
    private static ArticleSearch search;

    @BeforeAll
    static void corpus() {
        index = new ArticleIndex(
                TestElasticsearch.connection().client(),
                "multilingual-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
        index.ensureExists();
        search = new ArticleSearch(TestElasticsearch.connection().client(), index.alias());
        index.index(List.of(
                article(
                        "ru-heroin",
                        "Пограничники задержали нарушителя с героином",
                        "Пограничники Таджикистана задержали на границе с Афганистаном нарушителя с 40 кг героина. "
                                + "Задержанный доставлен в Душанбе.",
                        "ru"),
                article(
                        "ru-trade", "Приграничная торговля растёт",
                        "Объём торговли на рынках у границы вырос на треть, сообщили в Хороге.", "ru"),
                article(
                        "en-heroin", "Heroin seized near Khorog",
                        "Border guards seized 40 kg of heroin near Khorog on the Afghan border.", "en"),
                article(
                        "kk-border", "Шекарада есірткі тәркіленді",
                        "Қазақстан шекарашылары шекарада есірткі тасымалдаушыны ұстады.", "kk")));
        index.refresh();
    }

    @Test
    void aRussianQueryFindsOtherInflectionsOfItsWords() {
        assertThat(ids("героин")).containsExactly("ru-heroin");
        assertThat(ids("героином")).containsExactly("ru-heroin");
        assertThat(ids("границе")).containsExactlyInAnyOrder("ru-heroin", "ru-trade");
        assertThat(ids("пограничник")).containsExactly("ru-heroin");
    }

    @Test
    void phrasesAndOperatorsWorkOnRussianStems() {
        assertThat(ids("\"задержал нарушитель\"")).as("a phrase in other forms").containsExactly("ru-heroin");
        assertThat(ids("\"нарушителя задержали\""))
                .as("the same words out of order are no phrase")
                .isEmpty();
        assertThat(ids("граница -героин")).containsExactly("ru-trade");
        assertThat(ids("героин OR heroin")).containsExactlyInAnyOrder("ru-heroin", "en-heroin");
        assertThat(ids("title:пограничники")).containsExactly("ru-heroin");
    }

    @Test
    void yoIsReadAsYe() {
        assertThat(ids("растет")).containsExactly("ru-trade");
        assertThat(ids("растёт")).containsExactly("ru-trade");
    }

    @Test
    void highlightsMarkTheWordsAsTheyAreWritten() {
        ArticleHit hit =
                search.search(ArticleQuery.text("героин граница")).items().getFirst();
        assertThat(hit.snippet()).contains("<mark>героина</mark>").contains("<mark>границе</mark>");
        assertThat(hit.titleHtml()).isEqualTo("Пограничники задержали нарушителя с <mark>героином</mark>");
    }

    @Test
    void englishSearchKeepsItsBehaviour() {
        assertThat(ids("heroin")).containsExactly("en-heroin");
        assertThat(ids("\"border guards\"")).containsExactly("en-heroin");
        assertThat(ids("guard")).as("English words are not stemmed").isEmpty();
        ArticleHit hit = search.search(ArticleQuery.text("heroin")).items().getFirst();
        assertThat(hit.snippet()).contains("40 kg of <mark>heroin</mark>");
    }

    @Test
    void aKazakhQueryFindsItsOwnWord() {
        assertThat(ids("шекарада")).containsExactly("kk-border");
    }

    @Test
    void relatedArticlesAreFoundThroughTheStems() {
        ArticleStories stories =
                new ArticleStories(TestElasticsearch.connection().client(), index.alias());
        assertThat(stories.related("ru-heroin", 5)).extracting(Article::id).doesNotContain("ru-heroin");
    }

    @Test
    void anArticleWrittenWithoutSearchTermsIsCountedAndFoundOnceRewritten() throws Exception {
        ArticleIndex old = new ArticleIndex(
                TestElasticsearch.connection().client(),
                "pre-terms-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
        old.ensureExists();
        ArticleSearch oldSearch =
                new ArticleSearch(TestElasticsearch.connection().client(), old.alias());
        Article article = article("old", "Героин на границе", "Задержан курьер с героином.", "ru");
        // as an earlier version wrote it: the article's own fields only
        TestElasticsearch.connection()
                .client()
                .index(i -> i.index(old.currentIndexName())
                        .id("old")
                        .document(article)
                        .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        assertThat(old.countWithoutSearchTerms()).isEqualTo(1);
        assertThat(oldSearch.search(ArticleQuery.text("героина")).total()).isZero();

        List<VersionedArticle> stored = new java.util.ArrayList<>();
        old.forEachBatch(10, stored::addAll);
        old.replaceIfUnchanged(stored);
        old.refresh();
        assertThat(old.countWithoutSearchTerms()).isZero();
        assertThat(oldSearch.search(ArticleQuery.text("героина")).items())
                .extracting(h -> h.article().id())
                .containsExactly("old");
    }

    private static List<String> ids(String text) {
        return search.search(ArticleQuery.text(text)).items().stream()
                .map(h -> h.article().id())
                .toList();
    }

    private static Article article(String id, String title, String body, String language) {
        return new Article(
                id,
                title,
                body,
                null,
                null,
                "Test",
                null,
                Instant.parse("2026-11-16T09:00:00Z"),
                null,
                null,
                language,
                java.util.Map.of(),
                List.of(),
                List.of(),
                null,
                null,
                null);
    }
}
