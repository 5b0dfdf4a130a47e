package org.outpost.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;

class ArticleStoriesTest {

    private ArticleIndex index;
    private ArticleStories stories;

    @BeforeEach
    void freshIndex() {
        var client = TestElasticsearch.connection().client();
        index = new ArticleIndex(
                client,
                "story-articles-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
        index.ensureExists();
        stories = new ArticleStories(client, index.alias());
    }

    @Test
    void relatedFindsAStoryOnTheSameSubjectBeforeAnUnrelatedOneAndNeverACopy() {
        Article heroin = article(
                "https://a.example/heroin-1",
                "Heroin seized at the Tajik-Afghan border",
                "Border guards seized 40 kg of heroin near Panj; the heroin was hidden in a truck of onions.");
        Article otherHeroin = article(
                "https://b.example/heroin-2",
                "Police find heroin in Osh",
                "Police in Osh found 12 kg of heroin in a car; the heroin came across the border, they said.");
        Article unrelated = article(
                "https://c.example/water",
                "Water talks in Tashkent",
                "Ministers discussed irrigation quotas and a new canal at a meeting in Tashkent.");
        Article copy = article(
                        "https://d.example/heroin-copy",
                        "Heroin seized at the Tajik-Afghan border",
                        "Border guards seized 40 kg of heroin near Panj; the heroin was hidden in a truck of onions.")
                .withDuplicateOf(heroin.id());
        index.index(List.of(heroin, otherHeroin, unrelated, copy));
        index.refresh();

        List<String> related =
                stories.related(heroin.id(), 5).stream().map(Article::id).toList();

        assertThat(related).first().isEqualTo(otherHeroin.id());
        assertThat(related).doesNotContain(heroin.id(), copy.id());
        if (related.contains(unrelated.id())) {
            assertThat(related.indexOf(otherHeroin.id())).isLessThan(related.indexOf(unrelated.id()));
        }
    }

    private static Article article(String url, String title, String body) {
        return Article.builder("Test", title, body)
                .url(url)
                .publishedAt(Instant.parse("2022-10-18T09:00:00Z"))
                .build();
    }
}
