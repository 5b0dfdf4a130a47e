package org.outpost.dashboard.model.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.dashboard.BrowserTest;
import org.outpost.dashboard.feedback.FeedbackService;
import org.outpost.dashboard.feedback.Verdict;
import org.outpost.dashboard.model.TopicModels;
import org.springframework.beans.factory.annotation.Autowired;

class QualityBrowserTest extends BrowserTest {

    @Autowired
    TopicModels models;

    @Autowired
    ArticleIndex index;

    @Autowired
    FeedbackService feedback;

    @Test
    void anAdminTrainsACandidateAndSeesItBesideTheModelInUseAndTheRulesAlone() throws Exception {
        // feedback to learn from: without any, training on the shipped texts gives the shipped model again
        List<String> articles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = storyWithFeedback();
            articles.add(id);
        }
        try {
            trainAndCompare();
        } finally {
            for (String id : articles) {
                feedback.withdraw("admin", id, "border_security");
                feedback.withdraw("admin", id, "terrorism");
            }
        }
    }

    /** A stored article labelled terrorism, which the admin says is right and also missing border security. */
    private String storyWithFeedback() {
        String unique = UUID.randomUUID().toString();
        Article article = Article.builder(
                        "Quality Test Wire",
                        "Armed men crossed the river at night " + unique,
                        "Armed men crossed the river from the Afghan side at night; guards of the post exchanged fire"
                                + " with them before they withdrew. " + unique)
                .url("https://quality-test.example/" + unique)
                .language("en")
                .fetchedAt(Instant.now())
                .build()
                .withClassification(Map.of("terrorism", 0.6, "border_security", 0.3), List.of("terrorism"), List.of());
        index.index(List.of(article));
        index.refresh();
        feedback.give("admin", article.id(), "terrorism", Verdict.RIGHT);
        feedback.give("admin", article.id(), "border_security", Verdict.MISSING);
        return article.id();
    }

    private void trainAndCompare() throws Exception {
        boolean noCandidate = models.candidate().isEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1400));
        browser.get(url("/admin/topics"));
        logIn();
        WebElement section =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".quality-section")));
        if (noCandidate) {
            assertThat(section.getText()).contains("Train a model to compare it with the one in use");
        }
        assertThat(browser.findElement(By.cssSelector(".model-in-use")).getText())
                .startsWith("In use:");

        WebElement train = browser.findElement(By.xpath("//vaadin-button[normalize-space()='Train now']"));
        // below the topic list: brought into view before the click
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", train);
        wait.until(ExpectedConditions.elementToBeClickable(train)).click();
        // training takes seconds to a minute on a busy machine: wait on the run's status the page shows
        new WebDriverWait(browser, Duration.ofMinutes(5))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".training-status"), "trained."));

        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='All topics (micro)']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[normalize-space()='Rules alone']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[starts-with(normalize-space(), 'Candidate: ')]")));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[starts-with(normalize-space(), 'In use: ')]")));
        assertThat(browser.findElements(By.xpath("//vaadin-grid-cell-content[normalize-space()='candidate']")))
                .as("the history lists the candidate")
                .isNotEmpty();
        assertThat(browser.findElements(By.xpath("//vaadin-grid-cell-content[normalize-space()='shipped']")))
                .as("and the shipped model")
                .isNotEmpty();
        String inUse = browser.findElement(By.cssSelector(".model-in-use")).getText();
        String trained = browser.findElement(By.cssSelector(".training-status")).getText();
        String candidate = trained.replaceAll(".*Candidate (\\w+) trained.*", "$1");
        assertThat(inUse)
                .as("the feedback makes the candidate another model than the one in use")
                .doesNotContain(candidate);
        WebElement switchOn = browser.findElement(By.xpath("//vaadin-button[normalize-space()='Switch on']"));
        String reason = browser.findElement(By.cssSelector(".switch-reason")).getText();
        assertThat(switchOn.getAttribute("disabled") == null)
                .as("Switch on is offered exactly when no reason is given against it: " + reason)
                .isEqualTo(reason.isBlank());

        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'start'})",
                        browser.findElement(By.cssSelector(".quality-section")));
        screenshot("topics-quality.png");
    }
}
