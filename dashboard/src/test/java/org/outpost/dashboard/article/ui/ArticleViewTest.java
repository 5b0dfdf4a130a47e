package org.outpost.dashboard.article.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.dom.Element;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleHit;
import org.outpost.core.index.ArticleIndex;
import org.outpost.dashboard.ViewTest;
import org.outpost.dashboard.classify.ClassifierService;
import org.springframework.beans.factory.annotation.Autowired;

class ArticleViewTest extends ViewTest {

    @Autowired
    ArticleIndex index;

    @Autowired
    ClassifierService classifiers;

    @Test
    void article_crawledMarkup_isShownAsTextAndNeverBecomesElements() {
        Article article = indexArticle(
                "Checkpoint report <script>window.pwned = 1</script>",
                "Guards reopened the Tajikistan checkpoint <img src=x onerror=\"window.pwned = 1\"> at dawn.\n\n"
                        + "Traders <b>waited</b> for hours, CSTO observers said.");

        navigate(ArticleView.class, Map.of("id", article.id()));

        assertThat($(H1.class).single().getText()).isEqualTo(article.title());
        List<String> paragraphs =
                $(
                                Paragraph.class,
                                $(com.vaadin.flow.component.html.Article.class).single())
                        .all()
                        .stream()
                        .map(Paragraph::getText)
                        .toList();
        assertThat(paragraphs)
                .containsExactly(
                        "Guards reopened the Tajikistan checkpoint <img src=x onerror=\"window.pwned = 1\"> at dawn.",
                        "Traders <b>waited</b> for hours, CSTO observers said.");
        assertThat(tags(getCurrentView().getElement())).doesNotContain("script", "img", "b");
    }

    @Test
    void article_entityChips_openExploreFilteredToTheirEntity() {
        Article article = indexArticle(
                "Checkpoint talks", "Border officials of Tajikistan met CSTO envoys to discuss the checkpoint.");

        navigate(ArticleView.class, Map.of("id", article.id()));

        List<Anchor> chips = $(Anchor.class).withClassName("chip").all();
        assertThat(chips).extracting(Anchor::getText).contains("CSTO", "Tajikistan");
        Anchor csto = chips.stream()
                .filter(chip -> chip.getText().equals("CSTO"))
                .findFirst()
                .orElseThrow();
        String href = URLDecoder.decode(csto.getHref(), StandardCharsets.UTF_8);
        assertThat(href).isEqualTo("/explore?q=entities:\"org:CSTO\"");

        ArticlesView explore = open(ArticlesView.class, Map.of("q", href.substring(href.indexOf("q=") + 2)));
        settle(explore.resultsLoading);
        List<ArticleHit> hits =
                explore.grid.getLazyDataView().getItems().limit(50).toList();
        assertThat(hits).extracting(h -> h.article().id()).contains(article.id());
        assertThat(hits).allSatisfy(h -> assertThat(h.article().entities()).contains("org:CSTO"));
    }

    @Test
    void article_withAJavascriptAddressIndexedBeforeTheRule_rendersNoAnchorForIt() {
        Article a = indexArticle("Checkpoint link", "Border officials of Tajikistan and CSTO envoys met.");
        // the builder drops such an address now; an article indexed earlier may still carry one
        Article hostile = new Article(
                a.id(),
                a.title(),
                a.body(),
                "javascript:alert(1)",
                a.canonicalUrl(),
                a.source(),
                a.author(),
                a.publishedAt(),
                a.fetchedAt(),
                a.indexedAt(),
                a.language(),
                a.topicScores(),
                a.topics(),
                a.entities(),
                a.contentHash(),
                a.minhash(),
                a.duplicateOf(),
                a.datedFromText());
        index.index(List.of(hostile));
        index.refresh();

        navigate(ArticleView.class, Map.of("id", a.id()));

        assertThat($(Anchor.class).all()).extracting(Anchor::getHref).noneMatch(href -> href.contains("javascript"));
        assertThat($(Anchor.class).withClassName("original-link").all()).isEmpty();
    }

    @Test
    void article_unknownId_saysItIsNotFound() {
        navigate(ArticleView.class, Map.of("id", "no-such-article"));

        assertThat($(H1.class).single().getText()).isEqualTo("Article not found");
    }

    /**
     * An article from long ago, so that no period on the overview or topic pages counts it,
     * classified as the crawler would, so it looks like any other to the tests that list them all.
     */
    private Article indexArticle(String title, String body) {
        Article article = classifiers
                .current()
                .classify(Article.builder("View test agency", title + " " + System.nanoTime(), body)
                        .url("https://view-test.example/" + System.nanoTime())
                        .publishedAt(Instant.parse("2003-03-03T10:00:00Z"))
                        .fetchedAt(Instant.now())
                        .build());
        assertThat(article.entities()).contains("org:CSTO");
        index.index(List.of(article));
        index.refresh();
        return article;
    }

    private static List<String> tags(Element element) {
        if (element.isTextNode()) {
            return List.of();
        }
        return Stream.concat(Stream.of(element.getTag()), element.getChildren().flatMap(child -> tags(child).stream()))
                .toList();
    }
}
