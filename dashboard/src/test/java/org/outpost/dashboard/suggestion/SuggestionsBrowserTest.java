package org.outpost.dashboard.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.outpost.dashboard.BrowserTest;
import org.outpost.dashboard.feedback.FixedFeedback;
import org.springframework.beans.factory.annotation.Autowired;

class SuggestionsBrowserTest extends BrowserTest {

    @Autowired
    FixedFeedback feedback;

    @BeforeEach
    void missingFeedback() {
        feedback.use(Map.of(MissingFeedback.TOPIC, MissingFeedback.borderTexts()));
    }

    @AfterEach
    void realFeedback() {
        feedback.clear();
    }

    @Test
    void anAdminFollowsTheTopicsPageToTheSuggestionsAndSeesACandidateWithItsEffect() throws Exception {
        browser.get(url("/admin/topics"));
        logIn();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='admin/topics/suggestions']")))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".suggestions-topic")));

        browser.manage().window().setSize(new Dimension(1400, 1100));
        browser.get(url("/admin/topics/suggestions?topic=" + MissingFeedback.TOPIC));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//code[contains(@class,'suggestion-yaml') and contains(., 'slipped across')]")));

        assertThat(browser.findElement(By.cssSelector(".suggestions-summary")).getText())
                .contains("3 articles");
        assertThat(browser.findElements(By.cssSelector("vaadin-button.copy-yaml")))
                .isNotEmpty();
        assertThat(browser.getPageSource()).contains("→").contains("under terms");
        screenshot("topic-suggestions.png");
    }

    @Test
    void aTopicWithoutMissingFeedbackSaysWhatSuggestionsNeed() {
        browser.get(url("/admin/topics/suggestions?topic=terrorism"));
        logIn();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".suggestions-empty"), "Missing topic"));
    }
}
