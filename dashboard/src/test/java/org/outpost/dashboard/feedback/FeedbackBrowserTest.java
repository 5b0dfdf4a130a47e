package org.outpost.dashboard.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.dashboard.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium: "wrong" on a topic of the article page and "not relevant to us" from an Explore
 * card's menu are stored; the article page with its feedback controls is saved to
 * {@code docs/screenshots/feedback.png}.
 */
class FeedbackBrowserTest extends BrowserTest {

    @Autowired
    ArticleIndex index;

    @Autowired
    FeedbackService feedback;

    @Test
    void wrongOnTheArticlePageAndNotRelevantOnAnExploreCardAreStored() throws Exception {
        String token = "feedbackprobe" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        Article article = Article.builder(
                        "Asia-Plus",
                        "Militants attack a border post near the Panj river",
                        "Militants attacked a border post near the Panj river at night; a terrorist group claimed the"
                                + " attack, and border guards of Tajikistan searched the villages.\n\n"
                                + "The guards said the group had crossed from Afghanistan. " + token)
                .url("https://feedback-browser-test.example/" + token)
                .language("en")
                .fetchedAt(Instant.now())
                .build()
                .withClassification(
                        Map.of("terrorism", 0.74, "border_security", 0.62),
                        List.of("terrorism", "border_security"),
                        List.of());
        index.index(List.of(article));
        index.refresh();

        browser.get(url("/articles/" + article.id()));
        logIn();
        WebElement wrong =
                wait.until(d -> d.findElements(By.cssSelector(".topic-feedback vaadin-button.feedback-wrong")).stream()
                        .filter(b ->
                                String.valueOf(b.getAttribute("aria-label")).contains("Terrorism"))
                        .findFirst()
                        .orElse(null));
        wrong.click();
        wait.until(d -> "true".equals(wrong.getAttribute("aria-pressed")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".feedback-undo")));
        assertThat(feedback.mine("admin", article.id()))
                .extracting(f -> f.topic() + "=" + f.verdict())
                .containsExactly("terrorism=WRONG");
        Files.createDirectories(SCREENSHOTS);
        screenshot("feedback.png");
        assertThat(Files.size(SCREENSHOTS.resolve("feedback.png"))).isGreaterThan(10_000);

        browser.get(url("/explore?q=" + token));
        WebElement menu =
                wait.until(d -> d.findElements(By.cssSelector(".card-feedback vaadin-menu-bar-button")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        menu.click();
        WebElement notRelevant = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-menu-bar-item[contains(normalize-space(.), 'Not relevant to us')]")));
        // the submenu draws in the browser's top layer, which WebDriver's visibility check does not see into
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()", notRelevant);
        wait.until(d -> feedback.mine("admin", article.id()).stream()
                .anyMatch(f -> f.topic() == null && f.verdict() == Verdict.NOT_RELEVANT));
        assertThat(feedback.mine("admin", article.id()))
                .extracting(f -> f.topic() + "=" + f.verdict())
                .containsExactly("null=NOT_RELEVANT", "terrorism=WRONG");

        // the admin finds it from the Topics page: the topic's row opens the articles behind its feedback
        browser.get(url("/admin/topics"));
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Feedback from analysts")))
                .click();
        WebElement terrorism =
                wait.until(d -> d.findElements(By.cssSelector(".feedback-topics vaadin-grid-cell-content")).stream()
                        .filter(c -> c.getText().equals("Terrorism"))
                        .findFirst()
                        .orElse(null));
        terrorism.click();
        wait.until(d -> d.findElements(By.cssSelector("a.feedback-article-link")).stream()
                .anyMatch(a -> a.getText().equals(article.title())));
    }
}
