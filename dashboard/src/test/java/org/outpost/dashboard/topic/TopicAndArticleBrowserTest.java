package org.outpost.dashboard.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.ArticleQuery;
import org.outpost.core.index.ArticleSearch;
import org.outpost.dashboard.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The topic page (trend, entities, latest articles, links to Explore) and the article page's related articles. */
class TopicAndArticleBrowserTest extends BrowserTest {

    @Autowired
    ArticleIndex index;

    @Autowired
    ArticleSearch search;

    @Test
    void theTopicPageShowsItsTrendEntitiesAndArticlesAndAnEntityOpensExplore() throws Exception {
        browser.get(url("/topics/border_security?range=30d"));
        logIn();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("outpost-chart[rendered] canvas")));
        assertThat(chartOptionKeys("outpost-chart"))
                .as("the trend chart's option keys and whether ECharts has a model for each")
                .contains("option:grid", "option:tooltip", "option:legend")
                .noneMatch(k -> k.startsWith("missing:"));
        assertThat(browser.findElement(By.cssSelector(".topic-header h2")).getText())
                .isEqualTo("Border security");
        assertThat(browser.findElement(By.cssSelector(".topic-description")).getText())
                .isNotBlank();
        assertThat(browser.findElement(By.cssSelector("vaadin-select.range-select"))
                        .getText())
                .contains("Last 30 days");
        assertThat(browser.findElements(By.cssSelector(".topic-entity"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".topic-source"))).isNotEmpty();
        List<WebElement> articles = browser.findElements(By.cssSelector(".topic-article"));
        assertThat(articles).isNotEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1700)); // the whole page
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("outpost-chart[rendered] canvas")));
        screenshot("topic.png");
        browser.manage().window().setSize(new Dimension(1280, 900));

        WebElement entity = browser.findElement(By.cssSelector(".topic-entity a"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", entity);
        entity.click();

        wait.until(ExpectedConditions.urlContains("/explore"));
        assertThat(browser.getCurrentUrl())
                .contains("q=topics%3Aborder_security")
                .contains("entities");
        wait.until(ExpectedConditions.textMatches(
                By.cssSelector(".result-summary"), java.util.regex.Pattern.compile("\\d+ articles?")));
    }

    @Test
    void anUnknownTopicSaysSo() {
        browser.get(url("/topics/no_such_topic"));
        logIn();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), "Topic not found"));
    }

    @Test
    void anArticleOfTheTopicListsRelatedArticlesAndItsCopies() throws Exception {
        // a sample-corpus story (other tests of this shared app add short articles with nothing related)
        Article sample = search.search(new ArticleQuery(
                        "Rahmon AND border", "National information agency of Tajikistan", null, null, 0, 1))
                .items()
                .getFirst()
                .article();
        browser.get(url("/topics/border_security?range=30d"));
        logIn();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".topic-article a")));
        browser.get(url("/articles/" + sample.id()));
        String title = sample.title();

        // the page keeps the list's scroll position, so read the heading's text, visible or not
        wait.until(d -> d.findElements(By.cssSelector("h1.article-heading")).stream()
                .anyMatch(h -> title.equals(h.getDomProperty("textContent"))));
        List<WebElement> related = wait.until(
                ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector(".article-related .related-row a")));
        assertThat(related)
                .isNotEmpty()
                .noneSatisfy(a -> assertThat(a.getText()).isEqualTo(title));
        assertThat(browser.findElement(By.cssSelector(".article-copies")).getText())
                .contains("Copies of this story");
        // topic names on the score panel lead to the topic page
        assertThat(browser.findElements(By.cssSelector(".topic-scores a.topic-name")))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.getDomAttribute("href")).startsWith("topics/"));

        browser.manage().window().setSize(new Dimension(1280, 1700));
        ((JavascriptExecutor) browser)
                .executeScript("document.querySelector('.article-related').scrollIntoView({block: 'end'})");
        screenshot("article-related.png");
    }

    @Test
    void aCopyNamesItsOriginalAndTheOriginalListsItsCopy() {
        Article original = search.search(new ArticleQuery("Interpol AND Kalkan", null, null, null, 0, 1))
                .items()
                .getFirst()
                .article();
        // a copy under another address, as the deduplicator records it; lists and counts leave it out
        Article copy = Article.builder("Copy test agency", original.title(), original.body())
                .url("https://copies.example/" + System.nanoTime())
                .fetchedAt(java.time.Instant.now())
                .build()
                .withDuplicateOf(original.id());
        index.index(List.of(copy));
        index.refresh();

        browser.get(url("/articles/" + copy.id()));
        logIn();
        WebElement copyOf = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".copy-of a")));
        assertThat(copyOf.getDomProperty("textContent")).isEqualTo(original.title());

        browser.get(url("/articles/" + original.id()));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".copy-row")));
        assertThat(row.getDomProperty("textContent")).contains("Copy test agency");
        assertThat(browser.findElements(By.cssSelector(".related-row")))
                .noneSatisfy(r -> assertThat(r.getDomProperty("textContent")).contains("Copy test agency"));
    }
}
