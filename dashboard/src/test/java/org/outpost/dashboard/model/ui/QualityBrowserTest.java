package org.outpost.dashboard.model.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.outpost.dashboard.BrowserTest;
import org.outpost.dashboard.model.TopicModels;
import org.springframework.beans.factory.annotation.Autowired;

class QualityBrowserTest extends BrowserTest {

    @Autowired
    TopicModels models;

    @Test
    void anAdminTrainsACandidateAndSeesItBesideTheModelInUseAndTheRulesAlone() throws Exception {
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
